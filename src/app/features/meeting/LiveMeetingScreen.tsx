// A joined phone: the meeting in the room's language unless the person picked another, what the
// room is doing (StepView), a polite announcement when the room moves to a new step or phase (the
// clock speaks for itself, never every second), and a plain line while the stream is down. When
// the stream is back the state is read again, the outbox is flushed once and a waiting vote sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../shared/api/meetings';
import type { createMeetingLive } from '../../connection/meeting-live';
import { useLanguage } from '../../i18n/useLanguage';
import { nowText, StepView } from './StepView';
import { phaseKey, useLiveMeeting } from './useLiveMeeting';
import { useMeetingOutbox } from './useMeetingOutbox';
import './phone.css';

interface Props {
  initial: ParticipantView;
  live: ReturnType<typeof createMeetingLive>;
  onClosed: (meetingId: string) => void;
  onLeft: () => void;
  createSource?: ((url: string) => EventSource) | undefined;
}

export function LiveMeetingScreen({ initial, live, onClosed, onLeft, createSource }: Props) {
  const { t } = useTranslation(['meeting', 'factors']);
  const { preferLanguage } = useLanguage();
  const meetingId = initial.snapshot.meetingId;
  const [retryKey, setRetryKey] = useState(0);
  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const closed = useCallback(() => onClosed(meetingId), [onClosed, meetingId]);
  const reconnected = useCallback(() => {
    void flushRef.current();
    setRetryKey((k) => k + 1);
  }, []);
  const { meeting, updateRemaining, takeView } = useLiveMeeting({
    initial,
    live,
    onClosed: closed,
    onLeft,
    onReconnected: reconnected,
    ...(createSource ? { createSource } : {}),
  });
  const outbox = useMeetingOutbox({ meetingId, live, onRemaining: updateRemaining, onClosed: closed });
  useEffect(() => {
    flushRef.current = outbox.flush;
  }, [outbox.flush]);

  // The meeting's language, unless the person has picked one (the switch in the header wins).
  const language = meeting.snapshot.language;
  useEffect(() => preferLanguage(language), [preferLanguage, language]);

  // A waiting vote goes again when the browser is back online (the outbox listens by itself).
  useEffect(() => {
    const online = () => setRetryKey((k) => k + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  // Told once per new step or phase; when a clock is shown it announces its own phase.
  const key = phaseKey(meeting.snapshot);
  const [seen, setSeen] = useState({ key, step: meeting.snapshot.stepIndex });
  const [notice, setNotice] = useState('');
  if (seen.key !== key) {
    const isNewStep = seen.step !== meeting.snapshot.stepIndex;
    setSeen({ key, step: meeting.snapshot.stepIndex });
    if (isNewStep || !meeting.clock) setNotice(t('phone.announce', { now: nowText(meeting.snapshot, t) }));
  }

  const template = meeting.snapshot.template;
  return (
    <div className="screen meeting-phone">
      <h1>{t(`phone.template.${template}`)}</h1>
      <p className="meeting-phone__where">
        {t('phone.step', { n: meeting.snapshot.stepIndex + 1, total: meeting.snapshot.steps.length })}
      </p>
      <p className="meeting-sr" role="status" aria-live="polite">
        {notice}
      </p>
      {meeting.status === 'reconnecting' && (
        <p className="meeting-phone__offline banner banner--info" role="status">
          {t('phone.reconnecting')}
        </p>
      )}
      <StepView
        meeting={meeting}
        outbox={outbox}
        live={live}
        onView={takeView}
        onClosed={closed}
        retryKey={retryKey}
      />
    </div>
  );
}
