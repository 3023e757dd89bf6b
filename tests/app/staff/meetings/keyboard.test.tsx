// The presenter works with the keyboard alone: every control is a real button reached by Tab in
// the order the leader needs them (timer, reveal, roles, then the step buttons), and Enter or
// Space operates it.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { press, tabTo } from '../plans/support/keyboard';
import { renderAdmin } from '../support/render-admin';
import { installEventSource, LEADER, meetingRoutes, snapshot } from './support';

/** The accessible names of the focusable controls, in Tab order from the top of the page. */
async function tabOrder(user: Awaited<ReturnType<typeof renderAdmin>>['user'], presses: number) {
  (document.activeElement as HTMLElement | null)?.blur();
  const names: string[] = [];
  for (let i = 0; i < presses; i++) {
    await user.tab();
    const el = document.activeElement as HTMLElement;
    names.push(el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '');
  }
  return names;
}

describe('the presenter with the keyboard alone', () => {
  beforeEach(resetOfflineDb);

  it('reaches the controls in a logical order and operates them with Enter and Space', async () => {
    installEventSource();
    const { user, server } = await renderAdmin({
      path: '/admin/moter/m1',
      state: { me: LEADER },
      routes: meetingRoutes(snapshot({ contributionCount: 2 })),
    });
    await screen.findByRole('heading', { level: 1, name: 'Analysemøte' });
    const order = await tabOrder(user, 40);
    const at = (name: string) => {
      const index = order.indexOf(name);
      expect(index, `${name} in ${order.join(' | ')}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('Pause')).toBeLessThan(at('Forleng 1 min'));
    expect(at('Forleng 5 min')).toBeLessThan(at('Vis bidragene'));
    expect(at('Vis bidragene')).toBeLessThan(at('Trekk roller'));
    expect(at('Trekk roller')).toBeLessThan(at('Neste fase: I gruppene'));

    await press(user, screen.getByRole('button', { name: 'Pause' }));
    await tabTo(user, screen.getByRole('button', { name: 'Vis bidragene' }));
    await user.keyboard(' ');
    await press(user, screen.getByRole('button', { name: 'Neste fase: I gruppene' }));
    expect(server.calls('POST', '/meetings/m1/control').map((r) => r.body)).toEqual([
      { action: 'pause' },
      { action: 'reveal' },
      { action: 'next' },
    ]);
  });

  it('starts a phase whose clock has not run yet with the keyboard', async () => {
    installEventSource();
    const { user, server } = await renderAdmin({
      path: '/admin/moter/m1',
      state: { me: LEADER },
      routes: meetingRoutes(
        snapshot({ timer: { running: false, durationSeconds: 300, remainingSeconds: 300, endsAt: null } }),
      ),
    });
    await press(user, await screen.findByRole('button', { name: 'Start runden' }));
    expect(server.calls('POST', '/meetings/m1/control').map((r) => r.body)).toEqual([{ action: 'start' }]);
  });
});
