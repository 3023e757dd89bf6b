// A participant's note in an individual phase. The note goes into the phone's outbox first
// (useMeetingOutbox), so one written in a dead spot is kept and sent when the network is back,
// once. The form says how many more this phone may send in the phase, warns not to name anyone
// (as the survey's open question does), and tells the truth about the note: "sent" only once the
// server has it, "kept on the phone" while it waits, "not taken" with the reason otherwise.
import '../../ui/meeting/meeting.css';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS } from '../../../shared/meetings';
import type { MeetingOutbox } from './useMeetingOutbox';

export const MAX_CONTRIBUTION_LENGTH = MEETING_LIMITS.contributionLength;

interface Props {
  phaseId: string;
  outbox: MeetingOutbox;
  /** How many more notes the server takes from this phone in this phase; null while unknown. */
  remaining: number | null;
}

export function ContributionForm({ phaseId, outbox, remaining }: Props) {
  const { t } = useTranslation('meeting');
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = text.trim();
    if (!clean || clean.length > MAX_CONTRIBUTION_LENGTH || busy) return;
    setBusy(true);
    // Cleared before the send: the text lives on in the outbox only, and only until the server has it.
    setText('');
    try {
      await outbox.submit(clean, phaseId);
    } finally {
      setBusy(false);
    }
  }

  const tooLong = text.trim().length > MAX_CONTRIBUTION_LENGTH;
  // Notes still waiting count against the allowance the server will see when they arrive.
  const left = remaining === null ? null : Math.max(0, remaining - outbox.waiting);
  const isFull = left === 0;
  const describedBy = [`${id}-warning`, `${id}-left`, tooLong ? `${id}-long` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <form className="meeting-write" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-text`} className="field-label">
        {t('write.label')}
      </label>
      <p id={`${id}-warning`} className="meeting-write__warning warning">
        {t('write.warning')}
      </p>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={4}
        maxLength={MAX_CONTRIBUTION_LENGTH + 40}
        aria-describedby={describedBy}
        aria-invalid={tooLong || undefined}
        disabled={isFull}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-left`} className="hint">
        {left === null ? '' : isFull ? t('write.full') : t('write.left', { count: left })}
      </p>
      {tooLong && (
        <p id={`${id}-long`} className="meeting-write__error field-error">
          {t('write.tooLong', { max: MAX_CONTRIBUTION_LENGTH })}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={!text.trim() || tooLong || isFull || busy}
      >
        {t('write.send')}
      </button>
      <OutboxStatus outbox={outbox} />
    </form>
  );
}

/** One polite line about the notes: what waits, what was sent, what was not taken. */
export function OutboxStatus({ outbox }: { outbox: MeetingOutbox }) {
  const { t } = useTranslation('meeting');
  const { waiting, last, lateRefused, storageFailed } = outbox;
  const lines: string[] = [];
  if (storageFailed) lines.push(t('write.storageFailed'));
  if (waiting > 0) lines.push(t('write.waitingCount', { count: waiting }));
  else if (last?.kind === 'sent') lines.push(t('write.sent'));
  if (last?.kind === 'refused') lines.push(t(refusalKey(last.code)));
  if (lateRefused > 0) lines.push(t('write.lateRefused', { count: lateRefused }));
  return (
    <p role="status" aria-live="polite" className="meeting-write__status" data-testid="outbox-status">
      {lines.join(' ')}
    </p>
  );
}

function refusalKey(code: string | undefined) {
  if (code === 'MEETING_WRONG_STEP') return 'write.refusedPhase' as const;
  if (code === 'MEETING_LIMIT_REACHED') return 'write.refusedLimit' as const;
  if (code === 'MEETING_CLOSED') return 'write.refusedClosed' as const;
  return 'write.refusedOther' as const;
}
