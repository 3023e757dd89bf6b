// The IGP(I) phase clock, as plain data: the presenter and every phone compute the time left from
// the same three numbers, so a phone that reconnects shows the right time without a tick stream.
// Announcements (aria-live) come from milestones, never from the seconds themselves.

export type PhaseKind = 'individual' | 'group' | 'plenum' | 'individualAfter';

/** The method's default lengths in minutes (KS's IGP(I): about 5, 35, 5 and 5). */
export const DEFAULT_MINUTES: Readonly<Record<PhaseKind, number>> = {
  individual: 5,
  group: 35,
  plenum: 5,
  individualAfter: 5,
};

export const PHASE_ORDER: readonly PhaseKind[] = ['individual', 'group', 'plenum', 'individualAfter'];

export interface PhaseClock {
  /** The phase's whole length, extensions included. */
  durationMs: number;
  /** Time already run before the current stretch; grows at each pause. */
  elapsedMs: number;
  /** When the current stretch started (epoch ms), or null while paused. */
  runningSince: number | null;
}

export function startClock(minutes: number, now: number): PhaseClock {
  return { durationMs: Math.round(minutes * 60_000), elapsedMs: 0, runningSince: now };
}

export function elapsed(clock: PhaseClock, now: number): number {
  return clock.elapsedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince));
}

/** Milliseconds left, never below zero. */
export function remaining(clock: PhaseClock, now: number): number {
  return Math.max(0, clock.durationMs - elapsed(clock, now));
}

export function isPaused(clock: PhaseClock): boolean {
  return clock.runningSince === null;
}

export function pause(clock: PhaseClock, now: number): PhaseClock {
  if (clock.runningSince === null) return clock;
  return { ...clock, elapsedMs: elapsed(clock, now), runningSince: null };
}

export function resume(clock: PhaseClock, now: number): PhaseClock {
  if (clock.runningSince !== null) return clock;
  return { ...clock, runningSince: now };
}

/** Adds minutes; a phase that had run out starts counting again from the time added. */
export function extend(clock: PhaseClock, minutes: number, now: number): PhaseClock {
  const used = Math.min(elapsed(clock, now), clock.durationMs);
  const runningSince = clock.runningSince === null ? null : now;
  return { durationMs: clock.durationMs + Math.round(minutes * 60_000), elapsedMs: used, runningSince };
}

/** "4:05": whole seconds, rounded up so 0:00 shows only when the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export type Milestone = 'halfway' | 'oneMinute' | 'timeUp';

/**
 * The milestone passed between two readings of the time left (the larger one first), if any:
 * halfway (only for phases of four minutes or more), one minute left, and time up. A screen calls
 * this on every tick and announces only what it returns, so a listener hears three messages per
 * phase at most.
 */
export function crossedMilestone(durationMs: number, before: number, after: number): Milestone | null {
  if (before > 0 && after <= 0) return 'timeUp';
  if (before > 60_000 && after <= 60_000) return 'oneMinute';
  const half = durationMs / 2;
  if (durationMs >= 240_000 && before > half && after <= half) return 'halfway';
  return null;
}

/**
 * The server's timer (seconds left when it answered, running or not) as a local clock. It is
 * anchored on when this device received it, not on the server's clock, so a phone whose clock is
 * minutes off still counts down the same seconds as the screen.
 */
export function clockFromServer(
  timer: { running: boolean; durationSeconds: number; remainingSeconds: number },
  receivedAt: number,
): PhaseClock {
  const durationMs = Math.max(0, timer.durationSeconds) * 1000;
  const left = Math.min(durationMs, Math.max(0, timer.remainingSeconds) * 1000);
  return { durationMs, elapsedMs: durationMs - left, runningSince: timer.running ? receivedAt : null };
}
