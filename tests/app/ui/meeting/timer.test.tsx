// The phase clock: pause and extend as plain data, and the screen's polite announcements come
// only at the phase start and the milestones (halfway, one minute, time up), never per second.
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PhaseTimer } from '../../../../src/app/ui/meeting/PhaseTimer';
import {
  crossedMilestone,
  extend,
  formatClock,
  clockFromServer,
  pause,
  remaining,
  resume,
  startClock,
} from '../../../../src/app/ui/meeting/timer';
import { renderMeeting } from './render-meeting';

describe('phase clock', () => {
  it('stands still while paused and goes on from where it stopped', () => {
    let clock = startClock(5, 0);
    expect(remaining(clock, 60_000)).toBe(240_000);
    clock = pause(clock, 60_000);
    expect(remaining(clock, 600_000)).toBe(240_000);
    clock = resume(clock, 600_000);
    expect(remaining(clock, 630_000)).toBe(210_000);
  });

  it('extends a running, a paused and a finished phase by the minutes given', () => {
    expect(remaining(extend(startClock(5, 0), 2, 60_000), 60_000)).toBe(360_000);
    expect(remaining(extend(pause(startClock(5, 0), 60_000), 1, 90_000), 500_000)).toBe(300_000);
    // Ran out ten minutes ago: one more minute means one minute from now, not nine minutes short.
    expect(remaining(extend(startClock(5, 0), 1, 900_000), 900_000)).toBe(60_000);
  });

  it('shows whole seconds rounded up and never below zero', () => {
    expect(formatClock(299_001)).toBe('5:00');
    expect(formatClock(59_999)).toBe('1:00');
    expect(formatClock(remaining(startClock(1, 0), 120_000))).toBe('0:00');
  });

  it("takes the server timer by seconds left, whatever the phone's own clock says", () => {
    // The phone's clock is an hour behind the server's: it still counts the same 90 seconds.
    const phoneNow = 1_000_000;
    const clock = clockFromServer({ running: true, durationSeconds: 300, remainingSeconds: 90 }, phoneNow);
    expect(remaining(clock, phoneNow)).toBe(90_000);
    expect(remaining(clock, phoneNow + 30_000)).toBe(60_000);
    const frozen = clockFromServer({ running: false, durationSeconds: 300, remainingSeconds: 90 }, phoneNow);
    expect(remaining(frozen, phoneNow + 600_000)).toBe(90_000);
    // Nonsense from the wire cannot make more time than the phase has, or negative time.
    expect(
      remaining(clockFromServer({ running: true, durationSeconds: 60, remainingSeconds: 900 }, 0), 0),
    ).toBe(60_000);
    expect(
      remaining(clockFromServer({ running: true, durationSeconds: 60, remainingSeconds: -5 }, 0), 0),
    ).toBe(0);
  });

  it('finds each milestone once, and none between ordinary seconds', () => {
    const d = 300_000;
    expect(crossedMilestone(d, 151_000, 150_000)).toBe('halfway');
    expect(crossedMilestone(d, 150_000, 149_000)).toBeNull();
    expect(crossedMilestone(d, 61_000, 60_000)).toBe('oneMinute');
    expect(crossedMilestone(d, 1_000, 0)).toBe('timeUp');
    expect(crossedMilestone(d, 0, 0)).toBeNull();
    // A two-minute phase has no halfway message.
    expect(crossedMilestone(120_000, 61_000, 59_000)).toBe('oneMinute');
    expect(crossedMilestone(120_000, 70_000, 59_500)).toBe('oneMinute');
  });
});

describe('PhaseTimer', () => {
  let now = 0;
  beforeEach(() => {
    now = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const tick = async (seconds: number) => {
    for (let i = 0; i < seconds; i += 1) {
      now += 1000;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
    }
  };

  it('announces the start and the milestones politely, and nothing in between', async () => {
    await renderMeeting(<PhaseTimer phase="individual" clock={startClock(5, 0)} now={() => now} />);
    const live = screen.getByRole('status');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('Hver for seg har startet: 5 minutter.');
    const heard = new Set<string>([live.textContent ?? '']);
    const observer = new MutationObserver(() => heard.add(live.textContent ?? ''));
    observer.observe(live, { childList: true, characterData: true, subtree: true });
    await tick(300);
    observer.disconnect();
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent('0:00');
    expect([...heard]).toEqual([
      'Hver for seg har startet: 5 minutter.',
      'Halvveis: 2:30 igjen.',
      'Ett minutt igjen.',
      'Tiden er ute.',
    ]);
  });

  it('keeps the second-by-second digits away from screen readers', async () => {
    await renderMeeting(<PhaseTimer phase="group" clock={startClock(35, 0)} now={() => now} />);
    expect(screen.getByTestId('meeting-clock')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent('35:00');
  });

  it('tells a pause, a resume and an extension, and the clock stands still while paused', async () => {
    const clock = startClock(5, 0);
    const view = await renderMeeting(<PhaseTimer phase="plenum" clock={clock} now={() => now} />);
    await tick(10);
    const paused = pause(clock, now);
    view.rerender(<PhaseTimer phase="plenum" clock={paused} now={() => now} />);
    expect(screen.getByRole('status')).toHaveTextContent('Tiden står stille.');
    await tick(60);
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent('4:50');
    const longer = extend(paused, 5, now);
    view.rerender(<PhaseTimer phase="plenum" clock={longer} now={() => now} />);
    expect(screen.getByRole('status')).toHaveTextContent('5 min lagt til.');
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent('9:50');
    view.rerender(<PhaseTimer phase="plenum" clock={resume(longer, now)} now={() => now} />);
    expect(screen.getByRole('status')).toHaveTextContent('Tiden går igjen.');
  });
});
