// A follow-up plan for a new demo user to find at once: Solbakken sykehjem's plan from the later
// demo report round ("Medarbeiderundersøkelsen 2025"), agreed and in progress with one quarterly
// review. Two focus factors (one to keep up, one to improve), a goal each, three measures with
// owners and deadlines (one done, one in progress, one overdue, so the due list has something to
// say), both reps consulted and the demo safety rep's "seen". The figures are the round's report
// figures (the plans module's basis, from the report code). Also the demo safety rep's login.
// Dates follow `now`, like the report rounds. Idempotent: nothing happens when the plan exists.
import { randomUUID } from 'node:crypto';
import { addDays, osloDate } from '../../shared/dates';
import { prepareAccount } from '../auth/accounts';
import type { Database } from '../db/database';
import { planBasis } from '../plans/basis';
import { addMonths } from '../plans/rules';
import { insertUser, replaceRoles } from '../repositories/accounts';
import {
  findPlanOf,
  insertFocus,
  insertGoal,
  insertMeasure,
  insertPlan,
  insertReview,
} from '../repositories/plans';
import { findRounds } from '../repositories/rounds';
import { DEMO_IDS, DEMO_LOGINS } from './seed-demo';

export const DEMO_PLAN_IDS = {
  plan: 'demo-plan-solbakken',
  safetyRep: 'demo-verneombud',
  keep: 'demo-plan-solbakken-videreføre',
  improve: 'demo-plan-solbakken-innsats',
} as const;

/** The demo safety rep of Solbakken signs in with the demo password. */
export const DEMO_PLAN_LOGINS = { safetyRep: 'demo-verneombud' } as const;

async function seedSafetyRep(database: Database, today: string): Promise<void> {
  const db = database.kysely;
  const account = await prepareAccount({
    municipalityId: DEMO_IDS.municipality,
    username: DEMO_PLAN_LOGINS.safetyRep,
    displayName: 'Demo verneombud, Solbakken',
    password: DEMO_LOGINS.password,
    roles: [{ role: 'safety_rep', unitId: DEMO_IDS.unit }],
  });
  if (await insertUser(db, { ...account, id: DEMO_PLAN_IDS.safetyRep, createdOn: today })) {
    await replaceRoles(db, DEMO_PLAN_IDS.safetyRep, account.roles);
  }
}

export async function seedDemoPlan(database: Database, roundId: string, now = new Date()): Promise<void> {
  const db = database.kysely;
  const round = (await findRounds(db, [roundId])).get(roundId);
  if (!round || (await findPlanOf(db, roundId, DEMO_IDS.unit))) return;
  const today = osloDate(now);
  await seedSafetyRep(database, today);
  const basis = await planBasis(database, round, DEMO_IDS.unit);
  const agreedOn = addDays(today, -120);
  const consultedOn = addDays(agreedOn, -5);
  const heldOn = addDays(today, -30);
  await insertPlan(db, {
    id: DEMO_PLAN_IDS.plan,
    municipality_id: DEMO_IDS.municipality,
    round_id: roundId,
    unit_id: DEMO_IDS.unit,
    based_on_unit_id: basis?.basedOnUnitId ?? null,
    status: 'in_progress',
    next_review_on: addMonths(heldOn, 3),
    agreed_on: agreedOn,
    agreed_by: DEMO_IDS.leader,
    safety_consulted_on: consultedOn,
    safety_seen_by: DEMO_PLAN_IDS.safetyRep,
    safety_seen_on: addDays(consultedOn, 2),
    union_consulted_on: consultedOn,
    created_on: addDays(agreedOn, -14),
    updated_on: heldOn,
  });
  const focus = [
    {
      id: DEMO_PLAN_IDS.keep,
      factor_id: 'mestringsklima',
      kind: 'keep' as const,
      why: 'Vi er gode til å hjelpe hverandre og lære av feil. Det vil vi holde på, også når det er travelt.',
    },
    {
      id: DEMO_PLAN_IDS.improve,
      factor_id: 'rolleklarhet',
      kind: 'improve' as const,
      why: 'Mange er usikre på hvem som har ansvar for hva på kveldsvakter og i helger.',
    },
  ];
  for (const [position, f] of focus.entries()) {
    const figure = basis?.figures[f.factor_id as 'mestringsklima' | 'rolleklarhet'] ?? null;
    await insertFocus(db, {
      ...f,
      plan_id: DEMO_PLAN_IDS.plan,
      figure,
      carried_from_id: null,
      carried_choice: null,
      position,
    });
  }
  const goals = [
    [
      DEMO_PLAN_IDS.keep,
      'Nye kolleger opplever at de kan spørre om hjelp.',
      'Nyansatte svarer ja på det i samtalen etter tre måneder.',
    ],
    [
      DEMO_PLAN_IDS.improve,
      'Alle vet hva de har ansvar for på hver vakt.',
      'Ingen oppgaver er glemt i vaktboka en hel måned.',
    ],
  ] as const;
  for (const [position, [focusId, text, howWeKnow]] of goals.entries()) {
    await insertGoal(db, {
      id: randomUUID(),
      plan_id: DEMO_PLAN_IDS.plan,
      focus_factor_id: focusId,
      text,
      how_we_know: howWeKnow,
      position,
    });
  }
  const measures = [
    {
      focus_factor_id: DEMO_PLAN_IDS.keep,
      text: 'Fem minutter på vaktskiftet til å dele noe som gikk bra',
      responsible_account_id: null,
      responsible_role: 'Den som leder vaktskiftet',
      deadline: addDays(agreedOn, 30),
      status: 'done' as const,
      notes: 'Fast innslag nå.',
    },
    {
      focus_factor_id: DEMO_PLAN_IDS.improve,
      text: 'Oppgavekort for kveldsvakten, laget sammen på personalmøtet',
      responsible_account_id: DEMO_IDS.leader,
      responsible_role: null,
      deadline: addDays(today, 30),
      status: 'in_progress' as const,
      notes: 'Utkast henger på vaktrommet.',
    },
    {
      focus_factor_id: DEMO_PLAN_IDS.improve,
      text: 'Gå gjennom hvem som gjør hva i helgene på hvert personalmøte',
      responsible_account_id: null,
      responsible_role: 'Ordstyrer for personalmøtet',
      deadline: addDays(today, -10),
      status: 'not_started' as const,
      notes: '',
    },
  ];
  const ids: string[] = [];
  for (const [position, m] of measures.entries()) {
    const id = randomUUID();
    ids.push(id);
    await insertMeasure(db, { ...m, id, plan_id: DEMO_PLAN_IDS.plan, position });
  }
  await insertReview(
    db,
    {
      id: randomUUID(),
      plan_id: DEMO_PLAN_IDS.plan,
      held_on: heldOn,
      summary: 'Vaktskiftet fungerer godt. Oppgavekortene trenger én runde til før de er ferdige.',
      recorded_by: DEMO_IDS.leader,
      position: 0,
    },
    [
      { measureId: ids[1]!, decision: 'adjust' },
      { measureId: ids[2]!, decision: 'keep' },
    ],
    { updated_on: heldOn },
  );
}
