// Saves the review template's decisions, one per measure, as a review of the unit's plan.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import type { Decision } from './ReviewItemStep';
import type { Act } from './usePresenter';

interface Props {
  snapshot: MeetingSnapshot;
  decisions: Readonly<Record<string, Decision>>;
  act: Act;
  isBusy: boolean;
}

export function ReviewSave({ snapshot, decisions, act, isBusy }: Props) {
  const { t } = useTranslation('presenter');
  const id = useId();
  const [summary, setSummary] = useState('');
  const [saved, setSaved] = useState(false);
  const entries = Object.entries(decisions);
  const save = async () => {
    const ok = await act((api) =>
      api.review(snapshot.meetingId, {
        decisions: entries.map(([measureId, d]) => ({
          measureId,
          decision: d.decision,
          ...(d.note.trim() && { note: d.note.trim() }),
        })),
        summary: summary.trim(),
      }),
    );
    setSaved(ok);
  };
  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.saveTitle')}</h2>
      <p>{t('review.decided', { count: entries.length })}</p>
      <div className="admin-field">
        <label htmlFor={`${id}-summary`} className="field-label">
          {t('review.summary')}
        </label>
        <textarea
          id={`${id}-summary`}
          rows={3}
          maxLength={1000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={isBusy || entries.length === 0}
        onClick={() => void save()}
      >
        {t('review.save')}
      </button>
      {saved && <p role="status">{t('review.saved')}</p>}
    </section>
  );
}
