// The follow-up plan routes of the fake staff API, in memory and by the contract's rules
// (src/shared/api/plans.ts): one plan per unit and round, the edit rules per state, readiness
// before agreeing, overdue measures by today's date, and every change answering with the plan.
// Replies are checked against the server's schemas by reply-check.ts like every fake reply.
import {
  PLAN_EDIT_RULES,
  PLAN_TRANSITIONS,
  type FocusFactor,
  type Measure,
  type MeasureRequest,
  type Plan,
  type PlanListResponse,
  type PlanStatus,
  type PreviousPlanResponse,
  type ResponsibleRequest,
  type ReviewRequest,
} from '../../../../../src/shared/api/plans';
import { addDays, osloDate } from '../../../../../src/shared/dates';
import type { FactorId } from '../../../../../src/shared/factors';
import { errorReply, jsonReply, type StaffServer } from '../../support/staff-server';

type Reply = ReturnType<typeof jsonReply>;

export const ACCOUNTS = [
  { accountId: 'user-1', displayName: 'Kari Nordmann', roles: ['leader' as const] },
  { accountId: 'a-verne', displayName: 'Per Verneombud', roles: ['safety_rep' as const] },
];

export interface PlanFakeOptions {
  /** The list of units (defaults: Solbakken with its own report, Avdeling 2 on Solbakken's). */
  units?: PlanListResponse['units'];
  plans?: Plan[];
  /** The unit figure the server records for a new focus factor (null: not shown). */
  figure?: number | null;
  previous?: PreviousPlanResponse['previous'];
  can?: Plan['can'];
}

export function emptyPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'p1',
    roundId: 'r1',
    roundName: 'Medarbeiderundersøkelsen 2026',
    unitId: 'solbakken',
    unitName: 'Solbakken sykehjem',
    basedOnUnitId: null,
    basedOnUnitName: null,
    status: 'draft',
    reviewIntervalMonths: 3,
    nextReviewOn: null,
    agreedOn: null,
    agreedBy: null,
    updatedOn: osloDate(),
    focusFactorCount: 2,
    consultations: {
      safetyRep: { consultedOn: null, seenBy: null, seenOn: null },
      unionRep: { consultedOn: null, seenBy: null, seenOn: null },
    },
    focusFactors: [],
    reviews: [],
    readiness: { missing: ['focus_factor', 'goal', 'measure', 'safety_rep'] },
    can: { edit: true, markSeen: [] },
    publicLink: null,
    ...overrides,
  };
}

/** A focus factor with one goal and one measure, ready to be agreed. */
export function focusFixture(factorId: FactorId, kind: 'keep' | 'improve', n: number): FocusFactor {
  return {
    id: `f${n}`,
    factorId,
    kind,
    why: `Valgt i møtet ${n}`,
    figure: 4.2,
    carriedFrom: null,
    goals: [{ id: `g${n}`, text: `Mål ${n}`, howWeKnow: `Slik vet vi ${n}` }],
    measures: [
      {
        id: `m${n}`,
        focusFactorId: `f${n}`,
        text: `Tiltak ${n}`,
        responsible: { kind: 'role', text: 'ordstyrer for personalmøtet' },
        deadline: addDays(osloDate(), 30),
        status: 'not_started',
        notes: '',
        overdue: false,
      },
    ],
  };
}

function readiness(plan: Plan): Plan['readiness'] {
  const missing: Plan['readiness']['missing'] = [];
  const f = plan.focusFactors;
  if (f.length === 0) missing.push('focus_factor');
  if (f.length === 0 || f.some((x) => x.goals.length === 0)) missing.push('goal');
  if (f.length === 0 || f.some((x) => x.measures.length === 0)) missing.push('measure');
  if (!plan.consultations.safetyRep.consultedOn) missing.push('safety_rep');
  return { missing };
}

function responsible(r: ResponsibleRequest): Measure['responsible'] {
  if ('role' in r) return { kind: 'role', text: r.role };
  const account = ACCOUNTS.find((a) => a.accountId === r.accountId)!;
  return { kind: 'account', accountId: account.accountId, displayName: account.displayName };
}

export function installPlanFake(server: StaffServer, options: PlanFakeOptions = {}) {
  const plans = new Map((options.plans ?? []).map((p) => [p.id, structuredClone(p)]));
  const units: PlanListResponse['units'] = options.units ?? [
    { unitId: 'solbakken', name: 'Solbakken sykehjem', parentId: 'helse', basedOnUnitId: null, plan: null },
    { unitId: 'avd2', name: 'Avdeling 2', parentId: 'solbakken', basedOnUnitId: 'solbakken', plan: null },
  ];
  let counter = 100;
  const next = (prefix: string) => `${prefix}${(counter += 1)}`;
  const summary = (p: Plan) => {
    const {
      focusFactorCount,
      consultations,
      focusFactors,
      reviews,
      readiness: r,
      can,
      publicLink,
      ...rest
    } = p;
    void [focusFactorCount, consultations, focusFactors, reviews, r, can, publicLink];
    return rest;
  };
  const answer = (plan: Plan, status = 200) => {
    const today = osloDate();
    for (const f of plan.focusFactors)
      for (const m of f.measures) m.overdue = !['done', 'dropped'].includes(m.status) && m.deadline < today;
    plan.readiness = readiness(plan);
    plan.updatedOn = today;
    return jsonReply(status, structuredClone(plan));
  };
  const withPlan = (
    id: string,
    rule: keyof (typeof PLAN_EDIT_RULES)['draft'] | null,
    run: (p: Plan) => Reply | void,
    status = 200,
  ): Reply => {
    const plan = plans.get(id);
    if (!plan) return errorReply(404, 'NOT_FOUND');
    if (rule && !PLAN_EDIT_RULES[plan.status][rule]) return errorReply(409, 'PLAN_LOCKED');
    const refused = run(plan);
    return refused ?? answer(plan, status);
  };
  const findMeasure = (plan: Plan, id: string) =>
    plan.focusFactors.flatMap((f) => f.measures).find((m) => m.id === id);

  server.on('GET', '/plans', () =>
    jsonReply(200, {
      rounds: [{ id: 'r1', name: 'Medarbeiderundersøkelsen 2026', closesOn: '2026-03-15' }],
      roundId: 'r1',
      units: units.map((u) => {
        const plan = [...plans.values()].find((p) => p.unitId === u.unitId);
        return { ...u, plan: plan ? summary(plan) : null };
      }),
    }),
  );
  server.on('POST', '/plans', (req) => {
    const body = req.body as { roundId: string; unitId: string; carryOver?: unknown[] };
    if ([...plans.values()].some((p) => p.unitId === body.unitId)) return errorReply(409, 'PLAN_EXISTS');
    const unit = units.find((u) => u.unitId === body.unitId)!;
    const basedOn = units.find((u) => u.unitId === unit.basedOnUnitId);
    const plan = emptyPlan({
      id: next('p'),
      unitId: unit.unitId,
      unitName: unit.name,
      basedOnUnitId: basedOn?.unitId ?? null,
      basedOnUnitName: basedOn?.name ?? null,
      can: options.can ?? { edit: true, markSeen: [] },
    });
    plans.set(plan.id, plan);
    return answer(plan, 201);
  });
  server.on('GET', '/plans/([^/]+)/responsible-candidates', () => jsonReply(200, { accounts: ACCOUNTS }));
  server.on('GET', '/plans/([^/]+)', (_req, [id]) => {
    const plan = plans.get(id!);
    return plan ? answer(plan) : errorReply(404, 'NOT_FOUND');
  });
  // Registered after /plans/([^/]+): the fake tries the last registered route first.
  server.on('GET', '/plans/previous', () => jsonReply(200, { previous: options.previous ?? null }));
  server.on('PATCH', '/plans/([^/]+)', (req, [id]) =>
    withPlan(id!, 'settings', (p) => {
      Object.assign(p, req.body);
    }),
  );
  server.on('POST', '/plans/([^/]+)/transition', (req, [id]) =>
    withPlan(id!, null, (p) => {
      const to = (req.body as { to: PlanStatus }).to;
      if (!(PLAN_TRANSITIONS[p.status] as readonly string[]).includes(to))
        return errorReply(409, 'PLAN_INVALID_TRANSITION');
      if (to === 'agreed' && readiness(p).missing.length > 0) return errorReply(409, 'PLAN_NOT_READY');
      p.status = to;
      if (to === 'agreed') {
        p.agreedOn = osloDate();
        p.agreedBy = { accountId: 'user-1', displayName: 'Kari Nordmann' };
        p.nextReviewOn ??= addDays(osloDate(), 91);
      }
    }),
  );
  server.on('PUT', '/plans/([^/]+)/consultations/([^/]+)', (req, [id, party]) =>
    withPlan(id!, 'consultation', (p) => {
      p.consultations[party as 'safetyRep'].consultedOn = (
        req.body as { consultedOn: string | null }
      ).consultedOn;
    }),
  );
  server.on('POST', '/plans/([^/]+)/consultations/([^/]+)/seen', (_req, [id, party]) =>
    withPlan(id!, null, (p) => {
      const c = p.consultations[party as 'safetyRep'];
      c.seenOn = osloDate();
      c.seenBy = { accountId: 'a-verne', displayName: 'Per Verneombud' };
      c.consultedOn ??= osloDate();
    }),
  );
  server.on('POST', '/plans/([^/]+)/focus-factors', (req, [id]) =>
    withPlan(
      id!,
      'focus',
      (p) => {
        const body = req.body as { factorId: FactorId; kind: 'keep' | 'improve'; why: string };
        if (p.focusFactors.length >= p.focusFactorCount) return errorReply(409, 'TOO_MANY_FOCUS_FACTORS');
        if (p.focusFactors.some((f) => f.factorId === body.factorId))
          return errorReply(409, 'FOCUS_FACTOR_TAKEN');
        p.focusFactors.push({
          id: next('f'),
          ...body,
          figure: options.figure ?? null,
          carriedFrom: null,
          goals: [],
          measures: [],
        });
      },
      201,
    ),
  );
  server.on('PATCH', '/plans/([^/]+)/focus-factors/([^/]+)', (req, [id, item]) =>
    withPlan(id!, 'focus', (p) => {
      Object.assign(
        p.focusFactors.find((f) => f.id === item)!,
        req.body,
      );
    }),
  );
  server.on('DELETE', '/plans/([^/]+)/focus-factors/([^/]+)', (_req, [id, item]) =>
    withPlan(id!, 'focus', (p) => {
      p.focusFactors = p.focusFactors.filter((f) => f.id !== item);
    }),
  );
  server.on('POST', '/plans/([^/]+)/focus-factors/([^/]+)/goals', (req, [id, item]) =>
    withPlan(
      id!,
      'focus',
      (p) => {
        p.focusFactors
          .find((f) => f.id === item)!
          .goals.push({ id: next('g'), ...(req.body as { text: string; howWeKnow: string }) });
      },
      201,
    ),
  );
  server.on('PATCH', '/plans/([^/]+)/goals/([^/]+)', (req, [id, item]) =>
    withPlan(id!, 'focus', (p) => {
      Object.assign(
        p.focusFactors.flatMap((f) => f.goals).find((g) => g.id === item)!,
        req.body,
      );
    }),
  );
  server.on('DELETE', '/plans/([^/]+)/goals/([^/]+)', (_req, [id, item]) =>
    withPlan(id!, 'focus', (p) => {
      for (const f of p.focusFactors) f.goals = f.goals.filter((g) => g.id !== item);
    }),
  );
  server.on('POST', '/plans/([^/]+)/focus-factors/([^/]+)/measures', (req, [id, item]) =>
    withPlan(
      id!,
      'measures',
      (p) => {
        const body = req.body as MeasureRequest;
        p.focusFactors
          .find((f) => f.id === item)!
          .measures.push({
            id: next('m'),
            focusFactorId: item!,
            text: body.text,
            responsible: responsible(body.responsible),
            deadline: body.deadline,
            status: body.status ?? 'not_started',
            notes: body.notes ?? '',
            overdue: false,
          });
      },
      201,
    ),
  );
  server.on('PATCH', '/plans/([^/]+)/measures/([^/]+)', (req, [id, item]) =>
    withPlan(id!, 'measures', (p) => {
      const body = req.body as Partial<MeasureRequest>;
      const m = findMeasure(p, item!)!;
      Object.assign(m, { ...body, ...(body.responsible && { responsible: responsible(body.responsible) }) });
    }),
  );
  server.on('DELETE', '/plans/([^/]+)/measures/([^/]+)', (_req, [id, item]) =>
    withPlan(id!, 'deleteMeasure', (p) => {
      for (const f of p.focusFactors) f.measures = f.measures.filter((m) => m.id !== item);
    }),
  );
  server.on('POST', '/plans/([^/]+)/reviews', (req, [id]) =>
    withPlan(
      id!,
      'review',
      (p) => {
        const body = req.body as ReviewRequest;
        for (const item of body.items)
          if (item.decision === 'drop') findMeasure(p, item.measureId)!.status = 'dropped';
        p.reviews.unshift({
          id: next('rv'),
          heldOn: body.heldOn,
          summary: body.summary,
          items: body.items,
          recordedBy: null,
        });
        p.nextReviewOn = body.nextReviewOn ?? addDays(body.heldOn, 91);
        if (p.status === 'agreed') p.status = 'in_progress';
      },
      201,
    ),
  );
  // Last: the fake tries the last registered route first, ahead of /plans/:planId.
  let focusFactorCount = 2;
  server.on('GET', '/plans/settings', () => jsonReply(200, { focusFactorCount }));
  server.on('PUT', '/plans/settings', (req) => {
    focusFactorCount = (req.body as { focusFactorCount: number }).focusFactorCount;
    return jsonReply(200, { focusFactorCount });
  });
  let tokens = 0;
  server.on('POST', '/plans/([^/]+)/public-link', (_req, [id]) => {
    const plan = plans.get(id!);
    if (!plan) return errorReply(404, 'NOT_FOUND');
    tokens += 1;
    plan.publicLink = { createdOn: osloDate() };
    return jsonReply(201, { token: `${'t'.repeat(42)}${tokens}`, createdOn: osloDate() });
  });
  return { plans };
}
