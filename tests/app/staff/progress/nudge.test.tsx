// The participation nudge on the progress screen: units below the round's threshold or far from
// the goal, with what a leader can do; nothing once the round is no longer open.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AdminRound, RoundProgressResponse } from '../../../../src/shared/api/organisation';
import { resetOfflineDb } from '../../support/offline';
import { renderAdmin } from '../support/render-admin';
import { meAs, roundFixture } from '../support/staff-server';

const LEADER = meAs([{ role: 'leader', unitId: 'helse' }]);

function progress(round: AdminRound): RoundProgressResponse {
  const unit = (unitId: string, name: string, answered: number, invited: number | null) => ({
    unitId,
    parentId: unitId === 'helse' ? null : 'helse',
    name,
    openKiosk: false,
    invited,
    answered,
    rate: invited ? answered / invited : null,
    codesIssued: invited ?? 0,
    codesUsed: answered,
    refused: { unknownCode: 0, usedCode: 0 },
    rejected: [],
  });
  return {
    round,
    units: [
      unit('helse', 'Helse og omsorg', 0, null),
      unit('solbakken', 'Solbakken sykehjem', 40, 50),
      unit('avd2', 'Avdeling 2', 2, 20),
      unit('kjokken', 'Kjøkkenet', 6, 30),
    ],
    total: { invited: 100, answered: 48, rate: 0.48 },
    rejectedWithoutUnit: [],
  };
}

describe('the participation nudge', () => {
  beforeEach(resetOfflineDb);

  it('names the units below the threshold and far from the goal, and what to do', async () => {
    await renderAdmin({ state: { me: LEADER, rounds: [roundFixture()], progress } });
    const nudge = await screen.findByRole('complementary', { name: 'Flere svar trengs' });
    expect(within(nudge).getByText('Under 5 svar, så ingen egen rapport ennå:')).toBeInTheDocument();
    expect(within(nudge).getByText('Avdeling 2: 2 svar')).toBeInTheDocument();
    expect(
      within(nudge).getByText('Langt fra målet om 70\u00a0% svarprosent:', { normalizer: (t) => t }),
    ).toBeInTheDocument();
    expect(within(nudge).getByText('Kjøkkenet: 20\u00a0%', { normalizer: (t) => t })).toBeInTheDocument();
    // A unit near the goal and a parent with nobody of its own are not named.
    expect(nudge.textContent).not.toContain('Solbakken');
    expect(nudge.textContent).not.toContain('Helse og omsorg');
    expect(within(nudge).getByText('Forklar')).toBeInTheDocument();
    expect(within(nudge).getByText('Gi mening')).toBeInTheDocument();
    expect(within(nudge).getByText('Involver')).toBeInTheDocument();
  });

  it('says it in nynorsk', async () => {
    await renderAdmin({ language: 'nn', state: { me: LEADER, rounds: [roundFixture()], progress } });
    const nudge = await screen.findByRole('complementary', { name: 'Fleire svar trengst' });
    expect(within(nudge).getByText('Gje meining')).toBeInTheDocument();
  });

  it('stays away when every unit is on its way', async () => {
    const fine = (round: AdminRound) => ({ ...progress(round), units: progress(round).units.slice(0, 2) });
    await renderAdmin({ state: { me: LEADER, rounds: [roundFixture()], progress: fine } });
    expect(await screen.findByRole('table', { name: 'Svar og svarprosent per enhet' })).toBeInTheDocument();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });
});
