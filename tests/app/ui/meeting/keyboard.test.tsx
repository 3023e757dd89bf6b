// The leader's controls and a phone's dots work from the keyboard alone: Tab reaches each
// control in order, Enter and Space press them, and a full hand of dots stops at the limit.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DotVote, type VoteOption } from '../../../../src/app/ui/meeting/DotVote';
import { PhaseTimer } from '../../../../src/app/ui/meeting/PhaseTimer';
import { startClock } from '../../../../src/app/ui/meeting/timer';
import { RolesPanel } from '../../../../src/app/ui/meeting/RolesPanel';
import { drawGroups, drawRoles, GROUP_ROLES } from '../../../../src/app/ui/meeting/roles';
import { renderMeeting } from './render-meeting';

const OPTIONS: VoteOption[] = [
  { id: 'mestringsklima', label: 'Mestringsklima' },
  { id: 'rolleklarhet', label: 'Rolleklarhet' },
];

function Vote({ onChange }: { onChange: (v: Record<string, number>) => void }) {
  const [value, setValue] = useState<Record<string, number>>({});
  return (
    <DotVote
      options={OPTIONS}
      dots={3}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('keyboard', () => {
  it('reaches pause and both extensions with Tab and presses them with Enter and Space', async () => {
    const user = userEvent.setup();
    const onPause = vi.fn();
    const onExtend = vi.fn();
    await renderMeeting(
      <PhaseTimer
        phase="group"
        clock={startClock(35, Date.now())}
        onPause={onPause}
        onResume={vi.fn()}
        onExtend={onExtend}
      />,
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onPause).toHaveBeenCalledOnce();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Forleng 1 min' })).toHaveFocus();
    await user.tab();
    await user.keyboard(' ');
    expect(onExtend).toHaveBeenCalledWith(5);
  });

  it('spreads dots from the keyboard and stops at the number each phone has', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    await renderMeeting(<Vote onChange={onChange} />);
    expect(screen.getByRole('status')).toHaveTextContent('3 prikker igjen');
    // The "take one" buttons start disabled, so Tab lands on the first "give one".
    await user.tab();
    expect(screen.getByRole('button', { name: 'Gi én prikk til Mestringsklima' })).toHaveFocus();
    await user.keyboard('{Enter}{Enter}');
    screen.getByRole('button', { name: 'Gi én prikk til Rolleklarhet' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ mestringsklima: 2, rolleklarhet: 1 });
    expect(screen.getByRole('status')).toHaveTextContent('0 prikker igjen');
    expect(screen.getByRole('button', { name: 'Gi én prikk til Rolleklarhet' })).toBeDisabled();
    screen.getByRole('button', { name: 'Ta én prikk fra Mestringsklima' }).focus();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith({ mestringsklima: 1, rolleklarhet: 1 });
  });
});

describe('roles', () => {
  it('draws a different rule for each role of a group', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const draw = drawRoles(() => (seed * 0.137) % 1);
      expect(new Set(GROUP_ROLES.map((r) => draw[r])).size).toBe(3);
    }
  });

  it('shows every group with each role, its rule and what it does, and the plenum lead once', async () => {
    await renderMeeting(<RolesPanel draws={drawGroups(2, () => 0)} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Rollene i gruppe 1',
      'Rollene i gruppe 2',
    ]);
    expect(screen.getAllByText('Viddevakt')).toHaveLength(2);
    expect(screen.getAllByText(/Den som har jobbet her lengst\. Gir ordet/)).toHaveLength(2);
    expect(screen.getAllByText('Plenumsleder: møteleder')).toHaveLength(1);
  });
});
