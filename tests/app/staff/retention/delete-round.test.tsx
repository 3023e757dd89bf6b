// Deleting a round for good (issue 15): the card's button opens a panel that lists what goes (the
// server's preview), asks for the round's name typed out, refuses a wrong name beside the field
// without sending anything, sends the name and leaves the list with a message when it is right,
// and closes by Cancel or Escape with focus back on the button. Keyboard only.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { roundFixture } from '../support/staff-server';
import type { AdminRound } from '../../../../src/shared/api/organisation';

const ROUND = roundFixture({ id: 'r1', name: 'Våren 2025', status: 'published' });

async function openPanel(language: 'nb' | 'nn' = 'nb') {
  const view = await renderAdmin({
    path: '/admin/runder',
    language,
    state: {
      rounds: [ROUND, roundFixture({ id: 'r2', name: 'Høsten 2026' })],
      deletion: (round: AdminRound) => ({
        roundId: round.id,
        name: round.name,
        status: round.status,
        answers: 0,
        sealedAnswers: 0,
        countedAnswers: 42,
        codes: 60,
        kiosks: 2,
        kioskEnrolments: 0,
        plans: 1,
        meetings: 3,
        answersDeletedOn: '2027-05-02',
      }),
    },
  });
  return view;
}

describe('deleting a round for good', () => {
  beforeEach(resetOfflineDb);

  it('lists what goes, refuses a wrong name, and deletes with the right one (keyboard only)', async () => {
    const { user, server } = await openPanel();
    await h1('Runder');
    const open = await screen.findByRole('button', { name: 'Slett runden for godt: Våren 2025' });
    open.focus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByRole('region', { name: 'Slette «Våren 2025» for godt?' });
    expect(within(panel).getByRole('heading', { level: 3 })).toHaveFocus();
    await within(panel).findByText('Dette kan ikke angres. Alt som hører til runden, blir slettet:');
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'tallene i rapportene, utviklingen over tid og sammenligningene som bygger på 42 svar',
      '60 engangskoder',
      '2 påmeldte nettbrett',
      '1 oppfølgingsplan laget på rundens rapport',
      '3 møter med de ansatte',
    ]);
    expect(panel.textContent).toContain('De enkelte svarene ble slettet 2. mai 2027');
    expect(server.calls('GET', '/rounds/r1/deletion')).toHaveLength(1);

    const field = within(panel).getByLabelText('Skriv navnet på runden for å bekrefte');
    await user.tab();
    expect(field).toHaveFocus();
    await user.keyboard('Våren');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(within(panel).getByText('Det du skrev, er ikke likt navnet på runden.')).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(field.getAttribute('aria-describedby')).toContain('-error');
    expect(server.calls('DELETE', '/rounds/r1')).toHaveLength(0);

    await user.keyboard(' 2025{Enter}');
    expect(await screen.findByText('Runden «Våren 2025» er slettet for godt.')).toHaveFocus();
    expect(server.calls('DELETE', '/rounds/r1').map((c) => c.body)).toEqual([{ confirmName: 'Våren 2025' }]);
    expect(screen.queryByRole('article', { name: 'Våren 2025' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Høsten 2026' })).toBeInTheDocument();
  });

  it('closes on Cancel and on Escape, with focus back on the button, and deletes nothing', async () => {
    const { user, server } = await openPanel();
    const open = await screen.findByRole('button', { name: 'Slett runden for godt: Våren 2025' });
    await user.click(open);
    const panel = await screen.findByRole('region', { name: 'Slette «Våren 2025» for godt?' });
    await user.click(await within(panel).findByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('region', { name: /for godt/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Slett runden for godt: Våren 2025' })).toHaveFocus();

    await user.keyboard('{Enter}');
    await screen.findByLabelText('Skriv navnet på runden for å bekrefte');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /for godt/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Slett runden for godt: Våren 2025' })).toHaveFocus();
    expect(server.calls('DELETE', /^\/rounds\//)).toHaveLength(0);
  });

  it('speaks nynorsk', async () => {
    const { user } = await openPanel('nn');
    await user.click(await screen.findByRole('button', { name: 'Slett runden for godt: Våren 2025' }));
    const panel = await screen.findByRole('region', { name: 'Slette «Våren 2025» for godt?' });
    await within(panel).findByText('Dette kan ikkje angrast. Alt som høyrer til runden, blir sletta:');
    expect(within(panel).getByLabelText('Skriv namnet på runden for å stadfeste')).toBeInTheDocument();
    expect(panel.textContent).toContain('60 eingongskodar');
  });
});
