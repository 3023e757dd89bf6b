// The meeting's end: the leader writes the summary and approves it into the plan. Approval asks
// first, because it deletes every contribution of the meeting; the summary is what stays.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSnapshot } from '../../../shared/api/meetings';
import { MEETING_LIMITS } from '../../../shared/meetings';
import { ConfirmButton } from '../ui/ConfirmButton';
import type { Act } from './usePresenter';

export function SummaryStep({
  snapshot,
  act,
  isBusy,
}: {
  snapshot: MeetingSnapshot;
  act: Act;
  isBusy: boolean;
}) {
  const { t } = useTranslation('presenter');
  const id = useId();
  const [summary, setSummary] = useState(snapshot.summary ?? '');
  if (snapshot.state === 'closed') {
    return (
      <div className="presenter-summary">
        <p className="admin-notice">{t('summary.approved')}</p>
        {snapshot.summary && (
          <blockquote>
            <p>{snapshot.summary}</p>
          </blockquote>
        )}
      </div>
    );
  }
  const clean = summary.trim();
  return (
    <div className="presenter-summary">
      <div className="admin-field">
        <label htmlFor={`${id}-text`} className="field-label">
          {t('summary.label')}
        </label>
        <p id={`${id}-hint`} className="hint">
          {t('summary.hint')}
        </p>
        <textarea
          id={`${id}-text`}
          rows={6}
          maxLength={MEETING_LIMITS.summaryLength}
          aria-describedby={`${id}-hint`}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>
      <ConfirmButton
        label={t('summary.approve')}
        question={t('summary.confirmQuestion')}
        confirmLabel={t('summary.confirm')}
        disabled={isBusy || !clean}
        danger
        onConfirm={() =>
          act((api) => api.approve(snapshot.meetingId, { summary: clean })).then(() => undefined)
        }
      />
    </div>
  );
}
