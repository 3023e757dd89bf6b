// One-device mode: the group's secretary types the group's contributions on the shared tablet.
// Each contribution gets a fresh client id when it is written; a send that fails keeps the text
// and that same id, so trying again can never store it twice (the server's idempotency key).
// The same warning as on the phones: no names, nothing that points to one person.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS } from '../../../shared/meetings';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { MeetingApiError } from './MeetingApiError';
import type { MeetingsApi } from './usePresenter';

interface Props {
  meetingId: string;
  group: number;
  api: MeetingsApi;
  newId?: () => string;
}

const MAX = MEETING_LIMITS.contributionLength;

export function GroupContributionForm({ meetingId, group, api, newId = () => crypto.randomUUID() }: Props) {
  const { t } = useTranslation('presenter');
  const id = useId();
  const [text, setText] = useState('');
  /** The id of the text in the box: kept until the server has it, renewed for the next one. */
  const [clientId, setClientId] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const [sent, setSent] = useState(0);

  const clean = text.trim();
  const tooLong = clean.length > MAX;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!clean || tooLong || isBusy) return;
    const idNow = clientId ?? newId();
    setClientId(idNow);
    setIsBusy(true);
    setError(undefined);
    try {
      await api.contribute(meetingId, { clientId: idNow, text: clean, group });
      setText('');
      setClientId(null);
      setSent((n) => n + 1);
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="presenter-group-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('oneDevice.groupTitle', { group })}</h3>
      <label htmlFor={`${id}-text`}>{t('oneDevice.label', { group })}</label>
      <p id={`${id}-warning`} className="presenter-warning">
        {t('oneDevice.warning')}
      </p>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={text}
        aria-invalid={tooLong || undefined}
        aria-describedby={`${id}-warning${tooLong ? ` ${id}-long` : ''}`}
        onChange={(e) => {
          // A changed text is a new contribution; an unchanged one keeps its id for the resend.
          if (e.target.value.trim() !== clean) setClientId(null);
          setText(e.target.value);
        }}
      />
      {tooLong && (
        <p id={`${id}-long`} className="field-error">
          {t('oneDevice.tooLong', { max: MAX })}
        </p>
      )}
      <MeetingApiError error={error} />
      {error && <p className="hint">{t('oneDevice.retry')}</p>}
      <button type="submit" className="button button--primary" disabled={!clean || tooLong || isBusy}>
        {error ? t('oneDevice.sendAgain', { group }) : t('oneDevice.send', { group })}
      </button>
      <p role="status" aria-live="polite">
        {sent > 0 ? t('oneDevice.sent', { count: sent }) : ''}
      </p>
    </form>
  );
}
