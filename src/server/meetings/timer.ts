// The phase timer, from the server's clock: a running timer keeps the seconds left when it was
// (re)started and the moment it was; a paused one keeps the seconds left. Pure: the caller passes
// `now` and writes the columns back.
import { IGP_DEFAULT_MINUTES, IGP_PHASES, MAX_PHASE_MINUTES, type IgpPhase } from '../../shared/meetings';

export interface TimerColumns {
  timer_running: number;
  timer_duration_seconds: number;
  timer_remaining_seconds: number;
  timer_started_at: string | null;
}

export interface TimerView {
  running: boolean;
  durationSeconds: number;
  remainingSeconds: number;
  endsAt: string | null;
}

/** A phase's timer before it starts: its default minutes, not running. */
export function freshTimer(phase: IgpPhase | null): TimerColumns {
  const seconds = phase === null ? 0 : IGP_DEFAULT_MINUTES[phase] * 60;
  return {
    timer_running: 0,
    timer_duration_seconds: seconds,
    timer_remaining_seconds: seconds,
    timer_started_at: null,
  };
}

export function remainingSeconds(timer: TimerColumns, now: Date): number {
  if (timer.timer_running !== 1 || timer.timer_started_at === null) return timer.timer_remaining_seconds;
  const elapsed = Math.floor((now.getTime() - Date.parse(timer.timer_started_at)) / 1000);
  return Math.max(0, timer.timer_remaining_seconds - Math.max(0, elapsed));
}

export function timerView(timer: TimerColumns, now: Date): TimerView {
  const remaining = remainingSeconds(timer, now);
  const running = timer.timer_running === 1 && remaining > 0;
  return {
    running,
    durationSeconds: timer.timer_duration_seconds,
    remainingSeconds: remaining,
    endsAt: running ? new Date(now.getTime() + remaining * 1000).toISOString() : null,
  };
}

export function startTimer(timer: TimerColumns, now: Date): TimerColumns {
  if (timer.timer_running === 1) return timer;
  return { ...timer, timer_running: 1, timer_started_at: now.toISOString() };
}

export function pauseTimer(timer: TimerColumns, now: Date): TimerColumns {
  return {
    ...timer,
    timer_running: 0,
    timer_remaining_seconds: remainingSeconds(timer, now),
    timer_started_at: null,
  };
}

/** Adds minutes to the phase; a phase never lasts longer than MAX_PHASE_MINUTES. */
export function extendTimer(timer: TimerColumns, minutes: number, now: Date): TimerColumns {
  const added = Math.max(0, Math.min(minutes * 60, MAX_PHASE_MINUTES * 60 - timer.timer_duration_seconds));
  const remaining = remainingSeconds(timer, now) + added;
  return {
    ...timer,
    timer_duration_seconds: timer.timer_duration_seconds + added,
    timer_remaining_seconds: remaining,
    timer_started_at: timer.timer_running === 1 ? now.toISOString() : null,
  };
}

export const nextPhase = (phase: IgpPhase): IgpPhase | undefined => IGP_PHASES[IGP_PHASES.indexOf(phase) + 1];
export const previousPhase = (phase: IgpPhase): IgpPhase | undefined =>
  IGP_PHASES.indexOf(phase) > 0 ? IGP_PHASES[IGP_PHASES.indexOf(phase) - 1] : undefined;
