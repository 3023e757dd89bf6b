// Where the follow-up meets the rest of the staff app, keyboard only: the leader's start page lists
// what is due and overdue; the next round's report shows how the previous plan went (earlier figure,
// new figure, measures carried out); a new plan starts from "continue, change or a new factor"; the
// plan prints on A4 in the report's print style; and nynorsk throughout.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PreviousPlanResponse } from '../../../../src/shared/api/plans';
import { resetOfflineDb } from '../../support/offline';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { jsonReply, meAs } from '../support/staff-server';
import { reportRoutes, unitReport } from '../support/report-fixtures';
import { emptyPlan, focusFixture, installPlanFake } from './support/plan-fake';
import { press } from './support/keyboard';

const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

const PREVIOUS: PreviousPlanResponse['previous'] = {
  planId: 'p0',
  roundId: 'r0',
  roundName: 'Medarbeiderundersøkelsen 2024',
  status: 'closed',
  focusFactors: [
    {
      id: 'f0a',
      factorId: 'mestringsklima',
      kind: 'keep',
      why: 'Vi hjelper hverandre.',
      earlierFigure: 4.04,
      newFigure: 4.25,
      goals: [{ text: 'Dele mer', howWeKnow: 'Fast punkt' }],
      measuresDone: [{ text: 'Erfaringsdeling på personalmøtet', deadline: '2024-09-01' }],
      measuresTotal: 2,
    },
    {
      id: 'f0b',
      factorId: 'rolleklarhet',
      kind: 'improve',
      why: 'Uklart ansvar på kveld.',
      earlierFigure: null,
      newFigure: 3.61,
      goals: [],
      measuresDone: [],
      measuresTotal: 1,
    },
  ],
};

describe('the follow-up around the plan', () => {
  beforeEach(resetOfflineDb);

  it("lists the leader's due and overdue reviews and measures on the start page", async () => {
    const { user } = await renderAdmin({
      state: { me: LEADER, rounds: [] },
      routes: (server) => {
        installPlanFake(server, { plans: [emptyPlan()] });
        server.on('GET', '/plans/due', () =>
          jsonReply(200, {
            items: [
              {
                kind: 'measure',
                planId: 'p1',
                unitId: 'solbakken',
                unitName: 'Solbakken sykehjem',
                roundName: 'Medarbeiderundersøkelsen 2026',
                measureId: 'm1',
                text: 'Tavle med ansvar per vakt',
                dueOn: '2026-05-01',
                overdue: true,
              },
              {
                kind: 'review',
                planId: 'p1',
                unitId: 'solbakken',
                unitName: 'Solbakken sykehjem',
                roundName: 'Medarbeiderundersøkelsen 2026',
                measureId: null,
                text: null,
                dueOn: '2099-06-10',
                overdue: false,
              },
            ],
          }),
        );
      },
    });
    const due = await screen.findByRole('region', { name: 'Oppfølging som venter' });
    const items = await within(due).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Solbakken sykehjem: Tavle med ansvar per vakt forfalt 1. mai 2026',
      'Gjennomgang av planen for Solbakken sykehjem innen 10. juni 2099',
    ]);
    await press(user, within(items[0]!).getByRole('link'));
    await h1('Oppfølgingsplan for Solbakken sykehjem');
    expect(currentPath()).toBe('/admin/oppfolging/plan/p1');
  });

  it("shows in the new round's report how the previous plan went", async () => {
    await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: LEADER },
      routes: (server) => {
        reportRoutes({ reports: { solbakken: unitReport() } })(server);
        installPlanFake(server, { previous: PREVIOUS });
      },
    });
    const section = await screen.findByRole('region', {
      name: 'Slik gikk det med planen fra Medarbeiderundersøkelsen 2024',
    });
    const [keep, improve] = within(section)
      .getAllByRole('listitem', { name: '' })
      .filter((li) => li.querySelector('h3'));
    expect(within(keep!).getByRole('heading', { level: 3 })).toHaveTextContent('Mestringsklima Videreføre');
    expect(within(keep!).getByText('Forrige gang 4,0, nå 4,3.')).toBeInTheDocument();
    expect(within(keep!).getByText('1 av 2 tiltak gjennomført.')).toBeInTheDocument();
    expect(within(keep!).getByText('Erfaringsdeling på personalmøtet')).toBeInTheDocument();
    expect(within(improve!).getByText('Forrige gang ikke vist (for få svar), nå 3,6.')).toBeInTheDocument();
  });

  it('starts the new plan from continue, change or a new factor', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/oppfolging/runde/r1/enhet/solbakken',
      state: { me: LEADER },
      routes: (server) => installPlanFake(server, { previous: PREVIOUS }),
    });
    await h1('Ny oppfølgingsplan for Solbakken sykehjem');
    const keep = screen.getByRole('group', {
      name: /^Mestringsklima \(Videreføre\): 4,0 forrige gang, 4,3 nå/,
    });
    expect(within(keep).getByRole('radio', { name: /^Fortsett/ })).toBeChecked();
    const improve = screen.getByRole('group', { name: /^Rolleklarhet/ });
    await press(user, within(improve).getByRole('radio', { name: /^Fortsett/ }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(improve).getByRole('radio', { name: 'Velg en ny faktor i stedet' })).toBeChecked();
    await press(user, screen.getByRole('button', { name: 'Lag utkast til plan' }));
    await h1('Oppfølgingsplan for Solbakken sykehjem');
    expect(server.calls('POST', '/plans')[0]!.body).toEqual({
      roundId: 'r1',
      unitId: 'solbakken',
      carryOver: [{ focusFactorId: 'f0a', choice: 'continue' }],
    });
  });

  it('prints the plan on A4 with its factors, goals, measures and the reps', async () => {
    const plan = emptyPlan({
      status: 'agreed',
      agreedOn: '2026-04-10',
      agreedBy: { accountId: 'user-1', displayName: 'Kari Nordmann' },
      nextReviewOn: '2026-07-10',
      focusFactors: [focusFixture('mestringsklima', 'keep', 1)],
    });
    const { user } = await renderAdmin({
      path: '/admin/oppfolging/plan/p1',
      state: { me: LEADER },
      routes: (server) => installPlanFake(server, { plans: [plan] }),
    });
    await h1('Oppfølgingsplan for Solbakken sykehjem');
    await press(user, screen.getByRole('link', { name: 'Skriv ut / lagre som PDF' }));
    await screen.findByRole('heading', { level: 2, name: 'Mestringsklima: Videreføre' });
    expect(currentPath()).toBe('/admin/oppfolging/plan/p1/utskrift');
    const table = screen.getByRole('table', { name: 'Tiltak for Mestringsklima' });
    expect(within(table).getByRole('rowheader', { name: 'Tiltak 1' }).closest('tr')).toHaveTextContent(
      'ordstyrer for personalmøtet (rolle)',
    );
    expect(screen.getByText('avtalt 10. april 2026 av Kari Nordmann')).toBeInTheDocument();
    expect(document.querySelector('.plan-print')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeEnabled();
  });

  it('speaks nynorsk', async () => {
    await renderAdmin({
      path: '/admin/oppfolging/plan/p1',
      language: 'nn',
      state: { me: LEADER },
      routes: (server) =>
        installPlanFake(server, {
          plans: [emptyPlan({ focusFactors: [focusFixture('autonomi', 'improve', 1)] })],
        }),
    });
    await h1('Oppfølgingsplan for Solbakken sykehjem');
    expect(screen.getByText('Planen handlar om eininga, aldri om éin person')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Fokusfaktorar' })).toBeInTheDocument();
    expect(screen.getByText('Ikkje starta')).toBeInTheDocument();
    expect(screen.getByText('Før inn når verneombodet vart teke med på råd.')).toBeInTheDocument();
  });

  it('makes the unit\'s "Dette gjør vi" link once, with the poster, and warns before a new one', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/oppfolging/plan/p1',
      state: { me: LEADER },
      routes: (server) => installPlanFake(server, { plans: [emptyPlan()] }),
    });
    await h1('Oppfølgingsplan for Solbakken sykehjem');
    const section = screen.getByRole('region', { name: 'Lenke for alle på enheten' });
    await press(user, within(section).getByRole('button', { name: 'Lag lenke' }));
    expect(
      await within(section).findByText('Lenken er laget. Tidligere lenker virker ikke lenger.'),
    ).toHaveFocus();
    const token = `${'t'.repeat(42)}1`;
    expect(
      within(section).getByRole('link', { name: `${window.location.origin}/dette-gjor-vi/${token}` }),
    ).toHaveAttribute('href', `/dette-gjor-vi/${token}`);
    expect(within(section).getByRole('link', { name: 'Åpne plakaten for personalrommet' })).toHaveAttribute(
      'href',
      `/dette-gjor-vi/${token}/plakat`,
    );
    await press(user, within(section).getByRole('button', { name: 'Lag ny lenke' }));
    expect(
      within(section).getByText('Den gamle lenken og plakaten slutter å virke. Lage ny?'),
    ).toBeInTheDocument();
    await press(user, within(section).getByRole('button', { name: 'Ja, lag ny lenke' }));
    await within(section).findByRole('link', { name: new RegExp(`${'t'.repeat(42)}2$`) });
    expect(server.calls('POST', '/plans/p1/public-link')).toHaveLength(2);
  });
});
