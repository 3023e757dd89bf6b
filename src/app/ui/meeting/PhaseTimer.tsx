// The phase clock on the presenter and on every phone: large digits that update each second
// (aria-hidden, so a screen reader is not read every tick), and one polite live region that
// speaks only at the start of a phase, at halfway, one minute left and time up, and when the
// leader pauses or extends.
import './meeting.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crossedMilestone, formatClock, isPaused, remaining, type PhaseClock, type PhaseKind } from './timer';

interface Props {
  phase: PhaseKind;
  clock: PhaseClock;
  /** The leader's controls; phones show the clock only. */
  onPause?: () => void;
  onResume?: () => void;
  onExtend?: (minutes: number) => void;
  /** Injected for tests; the real clock otherwise. */
  now?: () => number;
}

export function PhaseTimer({ phase, clock, onPause, onResume, onExtend, now = Date.now }: Props) {
  const { t } = useTranslation('meeting');
  const [left, setLeft] = useState(() => remaining(clock, now()));
  const [notice, setNotice] = useState('');
  const previous = useRef({ left, clock, phase });

  const isFirst = useRef(true);

  // Phase start, pause, resume and extension: told once, when they happen.
  useEffect(() => {
    const before = previous.current;
    const minutes = (ms: number) => Math.round(ms / 60_000);
    if (isFirst.current || before.phase !== phase) {
      setNotice(t('timer.started', { phase: t(`phase.${phase}`), minutes: minutes(clock.durationMs) }));
    } else if (clock.durationMs > before.clock.durationMs) {
      setNotice(t('timer.extendedNotice', { minutes: minutes(clock.durationMs - before.clock.durationMs) }));
    } else if (isPaused(clock) && !isPaused(before.clock)) {
      setNotice(t('timer.pausedNotice'));
    } else if (!isPaused(clock) && isPaused(before.clock)) {
      setNotice(t('timer.resumedNotice'));
    }
    isFirst.current = false;
    const fresh = remaining(clock, now());
    previous.current = { left: fresh, clock, phase };
    setLeft(fresh);
  }, [phase, clock, t, now]);

  useEffect(() => {
    if (isPaused(clock)) return;
    const id = setInterval(() => {
      const next = remaining(clock, now());
      const milestone = crossedMilestone(clock.durationMs, previous.current.left, next);
      if (milestone) setNotice(t(`timer.${milestone}`, { left: formatClock(next) }));
      previous.current = { ...previous.current, left: next };
      setLeft(next);
    }, 1000);
    return () => clearInterval(id);
  }, [clock, now, t]);

  const paused = isPaused(clock);
  return (
    <section className="meeting-timer" aria-labelledby="meeting-timer-label">
      <h2 id="meeting-timer-label" className="meeting-timer__phase">
        {t(`phase.${phase}`)}
      </h2>
      <p className="meeting-timer__time">
        <span className="meeting-sr">{t('timer.label')}: </span>
        <span aria-hidden="true" data-testid="meeting-clock">
          {formatClock(left)}
        </span>
        <span className="meeting-sr">{formatClock(left)}</span>
        {paused && <span className="meeting-timer__paused"> {t('timer.paused')}</span>}
      </p>
      <p className="meeting-sr" role="status" aria-live="polite">
        {notice}
      </p>
      {(onPause || onExtend) && (
        <div className="meeting-timer__controls">
          {paused
            ? onResume && (
                <button type="button" onClick={onResume}>
                  {t('timer.resume')}
                </button>
              )
            : onPause && (
                <button type="button" onClick={onPause}>
                  {t('timer.pause')}
                </button>
              )}
          {onExtend &&
            [1, 5].map((minutes) => (
              <button key={minutes} type="button" onClick={() => onExtend(minutes)}>
                {t('timer.extend', { minutes })}
              </button>
            ))}
        </div>
      )}
    </section>
  );
}
