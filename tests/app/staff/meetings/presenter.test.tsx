// The presenter view on the room's screen: how to join (QR, code, address), only a count until
// the leader reveals, the texts after; the controls send the contract's bodies and the reply's
// snapshot updates the screen; the live stream updates it too, newest version winning; the focus
// choice proposes the vote's top two; approving the summary asks first.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MeetingSnapshot } from '../../../../src/shared/api/meetings';
import { resetOfflineDb } from '../../support/offline';
import { renderAdmin } from '../support/render-admin';
import { installEventSource, LEADER, meetingRoutes, snapshot, step } from './support';

type Next = Parameters<typeof meetingRoutes>[1];

async function openPresenter(snap: MeetingSnapshot, next?: Next) {
  const events = installEventSource();
  const view = await renderAdmin({
    path: '/admin/moter/m1',
    state: { me: LEADER },
    routes: (server) => {
      meetingRoutes(snap, next)(server);
    },
  });
  await screen.findByRole('heading', { level: 1, name: 'Analysemøte' });
  return { ...view, events };
}

const bodies = (server: Awaited<ReturnType<typeof openPresenter>>['server'], path: string) =>
  server.calls('POST', `/meetings/m1/${path}`).map((r) => r.body);

describe('the presenter view', () => {
  beforeEach(resetOfflineDb);

  it('shows the QR link, the short code and address, and the participants', async () => {
    await openPresenter(snapshot({ participants: 4 }));
    expect(screen.getByRole('img', { name: 'QR-kode som åpner møtet på telefonen' })).toBeInTheDocument();
    expect(screen.getByTestId('meeting-code')).toHaveTextContent('K7MQ2XPA');
    expect(screen.getByText(/\/mote$/)).toBeInTheDocument();
    expect(screen.getByText('4 deltakere er med')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Hva er styrkene våre?' })).toBeInTheDocument();
  });

  it('shows only the count before the reveal, even if a text reached the screen', async () => {
    await openPresenter(
      snapshot({
        contributionCount: 3,
        contributions: [{ id: 'c1', text: 'Hemmelig tekst', phase: 'individual', group: null, label: null }],
      }),
    );
    expect(screen.getByText('3 bidrag skrevet')).toBeInTheDocument();
    expect(screen.queryByText('Hemmelig tekst')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vis bidragene' })).toBeEnabled();
  });

  it('reveals on request and shows the texts and the word cloud from the reply', async () => {
    const revealed = [
      { id: 'c1', text: 'Humor i hverdagen', phase: 'individual' as const, group: null, label: null },
      {
        id: 'c2',
        text: 'Vi stiller opp for hverandre med humor',
        phase: 'individual' as const,
        group: null,
        label: null,
      },
    ];
    const { user, server } = await openPresenter(snapshot({ contributionCount: 2 }), (_p, _b, now) => ({
      ...now,
      version: now.version + 1,
      revealed: true,
      contributions: revealed,
    }));
    await user.click(screen.getByRole('button', { name: 'Vis bidragene' }));
    const board = within(await screen.findByRole('region', { name: 'Bidragene, i tilfeldig rekkefølge' }));
    expect(board.getByText('Humor i hverdagen')).toBeInTheDocument();
    expect(board.getByText('Vi stiller opp for hverandre med humor')).toBeInTheDocument();
    expect(screen.getByText('humor: 2 bidrag')).toBeInTheDocument();
    expect(bodies(server, 'control')).toEqual([{ action: 'reveal' }]);
  });

  it('sorts revealed contributions into themes and shows each theme with its texts', async () => {
    const contributions = [
      { id: 'c1', text: 'Godt samhold', phase: 'individual' as const, group: null, label: null },
      { id: 'c2', text: 'Vi hjelper hverandre', phase: 'individual' as const, group: null, label: null },
    ];
    const { user, server } = await openPresenter(
      snapshot({ contributionCount: 2, revealed: true, contributions }),
      (_p, body, now) => {
        const { contributionId, label } = body as { contributionId: string; label: string | null };
        return {
          ...now,
          version: now.version + 1,
          contributions: now.contributions.map((c) => (c.id === contributionId ? { ...c, label } : c)),
        };
      },
    );
    expect(screen.queryByRole('heading', { name: 'Samhold' })).not.toBeInTheDocument();
    const board = screen.getByRole('region', { name: 'Bidragene, i tilfeldig rekkefølge' });
    // Until the leader sorts, each text is on the screen once.
    expect(screen.getAllByText('Godt samhold')).toEqual([within(board).getByText('Godt samhold')]);
    await user.click(screen.getByRole('button', { name: 'Sorter bidragene i temaer' }));
    const themes = screen.getAllByRole('combobox', { name: 'Tema' });
    await user.type(themes[0]!, 'Samhold');
    const row = themes[0]!.closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Lagre temaet' }));
    const theme = await screen.findByRole('heading', { name: 'Samhold' });
    expect(theme.parentElement).toHaveTextContent('Godt samhold');
    expect(server.calls('PUT', '/meetings/m1/contributions/c1/group').map((r) => r.body)).toEqual([
      { contributionId: 'c1', label: 'Samhold' },
    ]);
  });

  it('follows the live stream and never goes back to an older snapshot', async () => {
    const { events } = await openPresenter(snapshot({ version: 3, contributionCount: 1 }));
    expect(screen.getByText('1 bidrag skrevet')).toBeInTheDocument();
    events.stream().push(snapshot({ version: 5, contributionCount: 7, participants: 9 }));
    expect(await screen.findByText('7 bidrag skrevet')).toBeInTheDocument();
    expect(screen.getByText('9 deltakere er med')).toBeInTheDocument();
    events.stream().push(snapshot({ version: 4, contributionCount: 2 }));
    expect(screen.getByText('7 bidrag skrevet')).toBeInTheDocument();
    // Revealed later by the stream: the texts arrive without any click here.
    events.stream().push(
      snapshot({
        version: 6,
        contributionCount: 1,
        revealed: true,
        contributions: [{ id: 'c9', text: 'Godt samhold', phase: 'individual', group: null, label: null }],
      }),
    );
    const board = await screen.findByRole('region', { name: 'Bidragene, i tilfeldig rekkefølge' });
    expect(within(board).getByText('Godt samhold')).toBeInTheDocument();
  });

  it('sends pause, resume, extend, draw roles and next, and shows what each reply says', async () => {
    const { user, server } = await openPresenter(snapshot(), (_p, body, now) => {
      const action = (body as { action: string }).action;
      const version = now.version + 1;
      if (action === 'pause')
        return { ...now, version, timer: { ...now.timer!, running: false, endsAt: null } };
      if (action === 'resume') return { ...now, version, timer: { ...now.timer!, running: true } };
      if (action === 'drawRoles')
        return {
          ...now,
          version,
          roles: [1, 2].map((group) => ({
            group,
            roles: {
              chairTimekeeper: 'warmestHands',
              peakWatcher: 'longestServing',
              secretary: 'closestToDoor',
            } as const,
          })),
        };
      if (action === 'next') return { ...now, version, phase: 'group' };
      return { ...now, version };
    });
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(await screen.findByRole('button', { name: 'Fortsett' }));
    await user.click(await screen.findByRole('button', { name: 'Forleng 5 min' }));
    expect(screen.getByText('Rollene er ikke trukket ennå.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Trekk roller' }));
    expect(await screen.findByRole('heading', { name: 'Rollene i gruppe 2' })).toBeInTheDocument();
    expect(screen.getAllByText('Ordstyrer og tidtaker')).toHaveLength(2);
    expect(screen.getByText(/Plenumsleder: møteleder/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Neste fase: I gruppene' }));
    expect(await screen.findByRole('button', { name: 'Neste fase: I plenum' })).toBeInTheDocument();
    expect(bodies(server, 'control')).toEqual([
      { action: 'pause' },
      { action: 'resume' },
      { action: 'extend', minutes: 5 },
      { action: 'drawRoles' },
      { action: 'next' },
    ]);
    // Not in one-device mode: no typing for the groups.
    expect(screen.queryByRole('heading', { name: 'Skriv for gruppene' })).not.toBeInTheDocument();
  });

  it('offers the next step, not a next phase, outside an IGP round even if a phase is left over', async () => {
    const { user, server } = await openPresenter(snapshot({ stepIndex: 4, phase: 'individual' }));
    expect(screen.queryByRole('button', { name: /Neste fase/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Neste steg' }));
    await user.click(screen.getByRole('button', { name: 'Forrige steg' }));
    expect(bodies(server, 'control')).toEqual([{ action: 'next' }, { action: 'previous' }]);
  });

  it('shows the vote with its dots as they come in', async () => {
    const vote = (dots: number) => ({
      dotsPerPhone: 3,
      voters: dots,
      options: [
        { id: 'mestringsklima', label: 'Mestringsklima', dots },
        { id: 'rolleklarhet', label: 'Rolleklarhet', dots: 1 },
      ],
    });
    const { events } = await openPresenter(
      snapshot({ stepIndex: 4, phase: null, timer: null, vote: vote(2) }),
    );
    expect(screen.getByText('2 prikker')).toBeInTheDocument();
    expect(screen.getByText('Mestringsklima')).toBeInTheDocument();
    events.stream().push(snapshot({ version: 2, stepIndex: 4, phase: null, timer: null, vote: vote(5) }));
    expect(await screen.findByText('5 prikker')).toBeInTheDocument();
    expect(screen.getByText('5 har stemt')).toBeInTheDocument();
  });

  it('proposes the vote’s top two as keep and improve, sends what the leader confirms, and links to the plan', async () => {
    const vote = {
      dotsPerPhone: 3,
      voters: 6,
      options: [
        { id: 'autonomi', label: 'Autonomi', dots: 2 },
        { id: 'mestringsklima', label: 'Mestringsklima', dots: 9 },
        { id: 'rolleklarhet', label: 'Rolleklarhet', dots: 6 },
      ],
    };
    const { user, server } = await openPresenter(
      snapshot({ stepIndex: 5, phase: null, timer: null, vote }),
      (_p, body, now) => ({
        ...now,
        version: now.version + 1,
        focus: body as MeetingSnapshot['focus'],
        planId: 'p1',
      }),
    );
    const keep = screen.getByRole('combobox', { name: 'Faktor å holde på' });
    const improve = screen.getByRole('combobox', { name: 'Faktor å forbedre' });
    expect(keep).toHaveValue('mestringsklima');
    expect(improve).toHaveValue('rolleklarhet');
    await user.selectOptions(improve, 'autonomi');
    await user.click(screen.getByRole('button', { name: 'Lagre fokusfaktorene i planen' }));
    expect(
      await screen.findByText('Lagret i planen: holde på Mestringsklima, forbedre Autonomi.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Åpne enhetens plan' })).toHaveAttribute(
      'href',
      '/admin/oppfolging/plan/p1',
    );
    expect(bodies(server, 'focus')).toEqual([{ keep: 'mestringsklima', improve: 'autonomi' }]);
  });

  it('will not send the same factor to keep and to improve', async () => {
    const { user, server } = await openPresenter(snapshot({ stepIndex: 5, phase: null, timer: null }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Faktor å forbedre' }), 'indre-motivasjon');
    expect(screen.getByText('Velg to ulike faktorer.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lagre fokusfaktorene i planen' })).toBeDisabled();
    expect(bodies(server, 'focus')).toEqual([]);
  });

  it('asks before approving the summary, then sends it and says the contributions are gone', async () => {
    const { user, server } = await openPresenter(
      snapshot({ stepIndex: 6, phase: null, timer: null }),
      (_p, body, now) => ({
        ...now,
        version: now.version + 1,
        state: 'closed',
        summary: (body as { summary: string }).summary,
      }),
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Oppsummering av møtet' }),
      'Vi holder på mestringsklimaet.',
    );
    await user.click(screen.getByRole('button', { name: 'Godkjenn oppsummeringen' }));
    expect(
      screen.getByText(
        'Når du godkjenner, slettes alle bidragene fra møtet for godt. Bare oppsummeringen blir igjen.',
      ),
    ).toBeInTheDocument();
    expect(bodies(server, 'approve')).toEqual([]);
    const confirm = screen.getByRole('button', { name: 'Godkjenn og slett bidragene' });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    expect(
      await screen.findByText('Oppsummeringen er godkjent, og bidragene er slettet.'),
    ).toBeInTheDocument();
    expect(bodies(server, 'approve')).toEqual([{ summary: 'Vi holder på mestringsklimaet.' }]);
  });

  it('shows the meeting’s figures on a results step, hidden where the report hides them, and links to the report', async () => {
    const { user } = await openPresenter(snapshot({ stepIndex: 1, phase: null, timer: null }));
    // One factor at a time, large; the leader walks through the ten.
    expect(await screen.findByText('Faktor 1 av 10')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Forrige faktor' })).toBeDisabled();
    let hidden = false;
    for (let i = 0; i < 9 && !hidden; i++) {
      await user.click(screen.getByRole('button', { name: 'Neste faktor' }));
      hidden = screen.queryByRole('heading', { name: 'Resultatet for Autonomi' }) !== null;
    }
    expect(hidden).toBe(true);
    expect(screen.getByText('Skjult')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vis alle faktorene i en tabell' }));
    expect(
      await screen.findByRole('table', { name: /de samme tallene som i rapporten/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('cell', { name: '4,3' })).toHaveLength(9);
    expect(screen.getByRole('row', { name: 'Autonomi Skjult' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Åpne rapporten' })).toHaveAttribute(
      'href',
      '/admin/rapporter/r1/solbakken',
    );
  });

  it('shows one factor on a results step that names it', async () => {
    await openPresenter(
      snapshot({
        steps: [step({ kind: 'results', factorId: 'mestringsklima' })],
        stepIndex: 0,
        phase: null,
        timer: null,
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Resultatet for Mestringsklima' })).toBeInTheDocument();
    expect(await screen.findAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('row', { name: 'Mestringsklima 4,3' })).toBeInTheDocument();
  });

  it('starts a phase whose clock has not run yet, and steps back one phase inside a round', async () => {
    const { user, server } = await openPresenter(
      snapshot({
        phase: 'group',
        timer: { running: false, durationSeconds: 2100, remainingSeconds: 2100, endsAt: null },
      }),
    );
    expect(screen.queryByRole('button', { name: 'Fortsett' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start tiden' }));
    await user.click(screen.getByRole('button', { name: 'Forrige fase: Hver for seg' }));
    expect(bodies(server, 'control')).toEqual([{ action: 'start' }, { action: 'previous' }]);
  });
});
