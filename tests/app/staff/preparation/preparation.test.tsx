// The round's progress plan on screen: what is going on now and next, every phase with its state,
// the admin's date form (only what differs from the suggestion is sent), and the texts in nynorsk.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/shared/dates';
import { formatDate } from '../../../../src/app/ui/format';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { meAs, roundFixture } from '../support/staff-server';
import { planFor, servePlans } from './support';

const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

describe('the progress plan', () => {
  beforeEach(resetOfflineDb);

  it('tells a leader what is going on now and what comes next, phase by phase', async () => {
    const round = roundFixture();
    const { user } = await renderAdmin({
      path: '/admin/forberedelse',
      state: { me: LEADER },
      routes: (server) => servePlans(server, [planFor(round)]),
    });
    await h1('Forberedelse');
    expect(await screen.findByRole('heading', { level: 2, name: round.name })).toBeInTheDocument();
    const next = screen.getByText('Neste').closest('div')!;
    // The fixture round closes in a week: the analysis meeting is four days after the close.
    expect(next.textContent).toContain(`Analysesamling, ${formatDate(addDays(round.closesOn, 4), 'nb')}`);
    expect(screen.getByText('Nå').closest('div')!.textContent).toContain('Svarperiode');

    const items = within(document.querySelector<HTMLElement>('.phase-list')!).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.phase-state')?.textContent)).toEqual([
      'Ferdig',
      'Ferdig',
      'Pågår nå',
      'Kommer',
      'Kommer',
      'Kommer',
      'Kommer',
    ]);
    expect(screen.queryByRole('button', { name: 'Lagre planen' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Informasjonsplakat til de ansatte' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vi trenger svaret ditt' }),
    ).toBeInTheDocument();
  });

  it('lets the admin move a phase and sends only what differs from the suggestion', async () => {
    const round = roundFixture();
    const { server, user } = await renderAdmin({
      path: '/admin/forberedelse',
      routes: (s) => servePlans(s, [planFor(round)]),
    });
    const start = await screen.findByLabelText('Fra', { selector: '#phase-analysisMeeting-start' });
    const end = screen.getByLabelText('Til', { selector: '#phase-analysisMeeting-end' });
    const day = addDays(round.closesOn, 10);

    // An end before the start is caught before anything is sent.
    await user.clear(start);
    await user.type(start, day);
    await user.click(screen.getByRole('button', { name: 'Lagre planen' }));
    expect(await screen.findByText('Sluttdatoen kan ikke komme før startdatoen.')).toBeInTheDocument();
    expect(server.calls('PUT', '/rounds/r1/preparation')).toHaveLength(0);

    await user.clear(end);
    await user.type(end, day);
    await user.type(
      screen.getByLabelText('Merknad (sted, tidspunkt)', { selector: '#phase-analysisMeeting-note' }),
      'Rådhuset',
    );
    await user.click(screen.getByRole('button', { name: 'Lagre planen' }));
    expect(await screen.findByText('Planen er lagret.')).toBeInTheDocument();
    expect(server.calls('PUT', '/rounds/r1/preparation').map((r) => r.body)).toEqual([
      { phases: [{ phase: 'analysisMeeting', startsOn: day, endsOn: day, note: 'Rådhuset' }] },
    ]);
    expect(await screen.findByText('Rådhuset')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bruk forslaget: Analysesamling' })).toBeInTheDocument();
  });

  it('speaks nynorsk, and picks the round whose plan is not over yet', async () => {
    const old = roundFixture({
      id: 'r0',
      name: 'Runde 2024',
      opensOn: '2024-03-01',
      closesOn: '2024-03-14',
      status: 'published',
    });
    const current = roundFixture();
    await renderAdmin({
      path: '/admin/forberedelse',
      language: 'nn',
      state: { me: LEADER },
      routes: (server) =>
        servePlans(
          server,
          [planFor(current), planFor(old)].sort((a, b) => (a.round.opensOn < b.round.opensOn ? -1 : 1)),
        ),
    });
    await h1('Førebuing');
    expect(await screen.findByRole('combobox', { name: 'Runde' })).toHaveValue('r1');
    expect(screen.getByText('Går føre seg no')).toBeInTheDocument();
    expect(screen.getByText('No')).toBeInTheDocument();
  });
});
