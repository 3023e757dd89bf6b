// A participant's note in an individual phase (or the secretary's on the one shared tablet).
// Every note goes through the phone's outbox first, so one written in a dead spot is kept and
// sent when the network is back, once: the client id made here is the server's idempotency key.
import '../../ui/meeting/meeting.css';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flushMeetingOutbox,
  pendingContributions,
  queueContribution,
  type MeetingSender,
} from '../../offline/meeting-outbox';

export const MAX_CONTRIBUTION_LENGTH = 280;

interface Props {
  meetingId: string;
  phaseId: string;
  send: MeetingSender;
  /** Bumped by the page when the network comes back or the stream reconnects. */
  retryKey?: number;
}

export function ContributionForm({ meetingId, phaseId, send, retryKey = 0 }: Props) {
  const { t } = useTranslation('meeting');
  const id = useId();
  const [text, setText] = useState('');
  const [waiting, setWaiting] = useState(0);
  const [sent, setSent] = useState(false);

  const flush = useCallback(async () => {
    const summary = await flushMeetingOutbox(meetingId, send);
    setWaiting((await pendingContributions(meetingId)).length);
    return summary;
  }, [meetingId, send]);

  // Sends what an earlier visit left behind, and again whenever the page says the network is back.
  useEffect(() => {
    let live = true;
    void flushMeetingOutbox(meetingId, send)
      .then(() => pendingContributions(meetingId))
      .then((rows) => {
        if (live) setWaiting(rows.length);
      });
    return () => {
      live = false;
    };
  }, [meetingId, send, retryKey]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = text.trim();
    if (!clean || clean.length > MAX_CONTRIBUTION_LENGTH) return;
    await queueContribution(meetingId, phaseId, clean);
    setText('');
    const summary = await flush();
    setSent(summary.left === 0);
  }

  const tooLong = text.trim().length > MAX_CONTRIBUTION_LENGTH;
  return (
    <form className="meeting-write" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-text`}>{t('write.label')}</label>
      <p id={`${id}-warning`} className="meeting-write__warning">
        {t('write.warning')}
      </p>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={4}
        aria-describedby={`${id}-warning${tooLong ? ` ${id}-long` : ''}`}
        aria-invalid={tooLong || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setSent(false);
        }}
      />
      {tooLong && (
        <p id={`${id}-long`} className="meeting-write__error">
          {t('write.tooLong', { max: MAX_CONTRIBUTION_LENGTH })}
        </p>
      )}
      <button type="submit" disabled={!text.trim() || tooLong}>
        {t('write.send')}
      </button>
      <p role="status" aria-live="polite">
        {waiting > 0 ? t('write.waiting') : sent ? t('write.sent') : ''}
      </p>
    </form>
  );
}
