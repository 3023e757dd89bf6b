// A rep's view of the plan and the steps after agreeing, keyboard only: the unit's safety rep reads
// the plan without editing buttons and marks it as seen; the leader records a quarterly review that
// drops one measure and adjusts another; a closed plan offers nothing to change.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { meAs } from '../support/staff-server';
import { emptyPlan, focusFixture, installPlanFake } from './support/plan-fake';
import { press, tabTo, typeInto } from './support/keyboard';
import type { Plan } from '../../../../src/shared/api/plans';
import { addDays, osloDate } from '../../../../src/shared/dates';
import { formatDate } from '../../../../src/app/ui/format';

const SAFETY_REP = meAs([{ role: 'safety_rep', unitId: 'solbakken' }], { id: 'a-verne', displayName: 'Per' });
const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);
const NEXT_REVIEW = addDays(osloDate(), 30);

function agreedPlan(overrides: Partial<Plan> = {}): Plan {
  return emptyPlan({
    status: 'agreed',
    agreedOn: '2026-04-10',
    agreedBy: { accountId: 'user-1', displayName: 'Kari Nordmann' },
    nextReviewOn: NEXT_REVIEW,
    focusFactors: [focusFixture('mestringsklima', 'keep', 1), focusFixture('rolleklarhet', 'improve', 2)],
    consultations: {
      safetyRep: { consultedOn: '2026-04-05', seenBy: null, seenOn: null },
      unionRep: { consultedOn: null, seenBy: null, seenOn: null },
    },
    ...overrides,
  });
}

async function openPlan(me: ReturnType<typeof meAs>, plan: Plan) {
  const view = await renderAdmin({
    path: `/admin/oppfolging/plan/${plan.id}`,
    state: { me },
    routes: (server) => installPlanFake(server, { plans: [plan] }),
  });
  await h1('Oppfølgingsplan for Solbakken sykehjem');
  return view;
}

describe('the plan for the reps and after agreeing', () => {
  beforeEach(resetOfflineDb);

  it('shows the safety rep a read-only plan with a button to mark it as seen', async () => {
    const { user, server } = await openPlan(
      SAFETY_REP,
      agreedPlan({ can: { edit: false, markSeen: ['safetyRep'] } }),
    );
    expect(screen.getByText('Du kan lese planen. Lederen for enheten endrer den.')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: /^Legg til|^Endre|^Fjern|^Slett|^Start arbeidet|^Åpne utkastet|^Før inn/,
      }),
    ).toBeNull();
    expect(screen.queryByText('Planen handler om enheten, aldri om én person')).not.toBeInTheDocument();
    const union = screen.getByRole('group', { name: 'Tillitsvalgt' });
    expect(within(union).queryByRole('button')).not.toBeInTheDocument();
    const safety = screen.getByRole('group', { name: 'Verneombud' });
    expect(within(safety).getByText('Ikke markert som sett ennå.')).toBeInTheDocument();
    await press(user, within(safety).getByRole('button', { name: 'Marker planen som sett' }));
    expect(await within(safety).findByText('Planen er markert som sett.')).toHaveFocus();
    expect(within(safety).getByText(/^Sett av Per Verneombud /)).toBeInTheDocument();
    expect(within(safety).queryByRole('button', { name: 'Marker planen som sett' })).not.toBeInTheDocument();
    expect(server.calls('POST', '/plans/p1/consultations/safetyRep/seen')).toHaveLength(1);
  });

  it('records a quarterly review: keep, adjust or drop each running measure and what happened', async () => {
    const { user, server } = await openPlan(LEADER, agreedPlan());
    expect(screen.getByText(`Neste gjennomgang: ${formatDate(NEXT_REVIEW, 'nb')}.`)).toBeInTheDocument();
    await press(user, screen.getByRole('button', { name: 'Før inn en gjennomgang' }));
    const tiltak2 = screen.getByRole('group', { name: 'Tiltak 2' });
    await tabTo(user, within(tiltak2).getByRole('radio', { name: 'Fortsett som før' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(tiltak2).getByRole('radio', { name: 'Avslutt tiltaket' })).toBeChecked();
    await press(user, screen.getByRole('button', { name: 'Lagre gjennomgangen' }));
    // A review needs its sentence.
    expect(screen.getByLabelText('Hva har skjedd?')).toHaveFocus();
    expect(screen.getByLabelText('Hva har skjedd?')).toHaveAccessibleDescription(
      /Skriv kort hva som har skjedd\./,
    );
    await user.keyboard('Tiltak 1 går fint; tiltak 2 ga ikke noe.');
    await press(user, screen.getByRole('button', { name: 'Lagre gjennomgangen' }));
    expect(await screen.findByText('Gjennomgangen er lagret.')).toHaveFocus();
    const body = server.calls('POST', '/plans/p1/reviews')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      summary: 'Tiltak 1 går fint; tiltak 2 ga ikke noe.',
      items: [
        { measureId: 'm1', decision: 'keep' },
        { measureId: 'm2', decision: 'drop' },
      ],
    });
    expect(body).not.toHaveProperty('nextReviewOn');
    // The review is listed, the dropped measure says so, and the plan is in progress.
    const reviews = screen.getByRole('region', { name: 'Gjennomganger' });
    expect(within(reviews).getByText('Tiltak 2:', { exact: false })).toHaveTextContent(
      'Tiltak 2: Avslutt tiltaket',
    );
    expect(
      within(screen.getByRole('article', { name: 'Rolleklarhet' })).getByText('Droppet'),
    ).toBeInTheDocument();
    expect(document.querySelector('.plan-meta')).toHaveTextContent('I gang');
  });

  it('offers nothing to change in a closed plan, and says an overdue measure is late', async () => {
    const focus = focusFixture('autonomi', 'improve', 1);
    focus.measures[0]!.deadline = '2026-01-05';
    await openPlan(LEADER, agreedPlan({ status: 'closed', focusFactors: [focus] }));
    expect(screen.getByText('Over fristen')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Legg til|^Endre|^Fjern|^Slett|^Før inn|^Lagre/ }),
    ).toBeNull();
    expect(screen.getByText('Avsluttet', { selector: '[aria-current="step"]' })).toBeInTheDocument();
  });

  it('edits a running measure: its status and notes', async () => {
    const { user, server } = await openPlan(LEADER, agreedPlan());
    const card = screen.getByRole('article', { name: 'Mestringsklima' });
    await press(user, within(card).getByRole('button', { name: 'Endre tiltaket «Tiltak 1»' }));
    await tabTo(user, within(card).getByLabelText('Status'));
    await user.selectOptions(within(card).getByLabelText('Status'), 'stuck');
    await typeInto(user, within(card).getByLabelText('Notater'), 'Venter på møterom.');
    await press(user, within(card).getByRole('button', { name: 'Lagre endringene' }));
    expect(await within(card).findByText('Tiltaket er lagret.')).toHaveFocus();
    expect(within(card).getByText('Står fast')).toBeInTheDocument();
    expect(within(card).getByText('Venter på møterom.')).toBeInTheDocument();
    expect(server.calls('PATCH', '/plans/p1/measures/m1')[0]!.body).toMatchObject({
      status: 'stuck',
      notes: 'Venter på møterom.',
      responsible: { role: 'ordstyrer for personalmøtet' },
    });
  });

  it('in a draft, changes a factor from keep to improve with a new why, and deletes a measure without losing focus', async () => {
    const { user, server } = await openPlan(
      LEADER,
      emptyPlan({ focusFactors: [focusFixture('mestringsklima', 'keep', 1)] }),
    );
    const card = screen.getByRole('article', { name: 'Mestringsklima' });
    await press(user, within(card).getByRole('button', { name: 'Endre valget av Mestringsklima' }));
    await tabTo(user, within(card).getByRole('radio', { name: /^Videreføre/ }));
    await user.keyboard('{ArrowDown}');
    const why = within(card).getByLabelText('Hvorfor valgte dere den?');
    await tabTo(user, why);
    await user.clear(why);
    await user.keyboard('Vi vil dele mer.');
    await press(user, within(card).getByRole('button', { name: 'Lagre endringene' }));
    expect(await within(card).findByText('Fokusfaktoren er lagret.')).toHaveFocus();
    expect(within(card).getByText('Innsatsområde')).toBeInTheDocument();
    expect(within(card).getByText('Vi vil dele mer.')).toBeInTheDocument();
    expect(server.calls('PATCH', '/plans/p1/focus-factors/f1')[0]!.body).toEqual({
      kind: 'improve',
      why: 'Vi vil dele mer.',
    });

    await press(user, within(card).getByRole('button', { name: 'Slett tiltaket «Tiltak 1»' }));
    await press(user, within(card).getByRole('button', { name: 'Ja, slett' }));
    await within(card).findByText('Ingen tiltak ennå.');
    expect(within(card).getByRole('heading', { level: 4, name: 'Tiltak' })).toHaveFocus();
  });

  it('in a draft, edits a goal in place', async () => {
    const { user, server } = await openPlan(
      LEADER,
      emptyPlan({ focusFactors: [focusFixture('autonomi', 'improve', 1)] }),
    );
    const card = screen.getByRole('article', { name: 'Autonomi' });
    await press(user, within(card).getByRole('button', { name: 'Endre målet (1) for Autonomi' }));
    const text = within(card).getByLabelText('Dette vil vi se');
    expect(text).toHaveValue('Mål 1');
    await tabTo(user, text);
    await user.clear(text);
    await user.keyboard('Alle vet hva de kan avgjøre selv.');
    await press(user, within(card).getByRole('button', { name: 'Lagre målet' }));
    expect(await within(card).findByText('Målet er endret.')).toHaveFocus();
    expect(within(card).getByText('Alle vet hva de kan avgjøre selv.')).toBeInTheDocument();
    expect(server.calls('PATCH', '/plans/p1/goals/g1')[0]!.body).toEqual({
      text: 'Alle vet hva de kan avgjøre selv.',
      howWeKnow: 'Slik vet vi 1',
    });
  });
});
