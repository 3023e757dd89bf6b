// The "Dette gjør vi" link: no login, the token alone; only its hash is stored; renewing kills the
// old token at once; unknown, old, malformed and hostile tokens are 404 PLAN_LINK_INVALID (or the
// text guard's 400), never a 5xx, and a client that keeps guessing gets 429 while a good token
// still works. The page carries a Cache-Control for the PWA, no account names and no figures, and
// shows nothing of a draft.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  PUBLIC_PLAN_CACHE_CONTROL,
  type Plan,
  type PublicLinkResponse,
  type PublicPlanResponse,
} from '../../../src/shared/api/plans';
import { PLAN_LINK_GUESSES_PER_CLIENT } from '../../../src/server/plans/public-link';
import { describeEachDatabase } from '../support/databases';
import { codeOf, IDS, planWorld, type PlanWorld } from './world';

describeEachDatabase('the public plan link', (dialect) => {
  let world: PlanWorld;
  let plan: Plan;
  let token: string;
  beforeAll(async () => {
    world = await planWorld(dialect);
    plan = (
      await world.as.heimly.post('/plans', { roundId: IDS.laterRound, unitId: IDS.heimly })
    ).json<Plan>();
  });
  afterAll(() => world.env.dispose());

  const open = (t: string, ip = '203.0.113.7') =>
    world.env.app.inject({ url: `/api/v1/plans/public/${t}`, remoteAddress: ip });

  it('is made by the leader only, once shown, and stored as a hash', async () => {
    const rep = await world.as.safety.post(`/plans/${plan.id}/public-link`);
    expect([rep.statusCode, codeOf(rep)]).toEqual([403, 'FORBIDDEN_ROLE']);
    const res = await world.as.heimly.post(`/plans/${plan.id}/public-link`);
    expect(res.statusCode).toBe(201);
    ({ token } = res.json<PublicLinkResponse>());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await world.env.database.kysely.selectFrom('plan_public_links').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await world.as.heimly.get(`/plans/${plan.id}`)).json<Plan>().publicLink).toEqual({
      createdOn: '2026-03-10',
    });
  });

  it('shows a draft without content, then the agreed plan with role texts, no names and no figures', async () => {
    const draft = await open(token);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['cache-control']).toBe(PUBLIC_PLAN_CACHE_CONTROL);
    expect(draft.json<PublicPlanResponse>()).toMatchObject({ status: 'draft', focusFactors: [] });

    const focus = (
      await world.as.heimly.post(`/plans/${plan.id}/focus-factors`, {
        factorId: 'mestringsklima',
        kind: 'keep',
        why: 'Godt klima.',
      })
    ).json<Plan>().focusFactors[0]!;
    await world.as.heimly.post(`/plans/${plan.id}/focus-factors/${focus.id}/goals`, {
      text: 'Holde på det',
      howWeKnow: 'Vi spør hverandre.',
    });
    const measures = `/plans/${plan.id}/focus-factors/${focus.id}/measures`;
    await world.as.heimly.post(measures, {
      text: 'Kaffe fredag',
      responsible: { accountId: 'p-safety-heimly' },
      deadline: '2026-04-01',
    });
    await world.as.heimly.post(measures, {
      text: 'Fadderordning',
      responsible: { role: 'Ordstyrer' },
      deadline: '2026-05-01',
    });
    await world.as.heimly.put(`/plans/${plan.id}/consultations/safetyRep`, { consultedOn: '2026-03-09' });
    expect((await world.as.heimly.post(`/plans/${plan.id}/transition`, { to: 'agreed' })).statusCode).toBe(
      200,
    );

    const res = await open(token);
    const body = res.json<PublicPlanResponse>();
    expect(body).toEqual({
      municipality: { name: 'Demo kommune', language: 'nb' },
      unit: { name: 'Heimly hjemmetjeneste' },
      basedOnUnitName: null,
      round: { name: plan.roundName, closesOn: expect.any(String) as string },
      status: 'agreed',
      agreedOn: '2026-03-10',
      nextReviewOn: '2026-06-10',
      lastReviewOn: null,
      focusFactors: [
        {
          factorId: 'mestringsklima',
          kind: 'keep',
          why: 'Godt klima.',
          goals: [{ text: 'Holde på det', howWeKnow: 'Vi spør hverandre.' }],
          measures: [
            {
              text: 'Kaffe fredag',
              responsible: { kind: 'staff', role: 'safety_rep' },
              deadline: '2026-04-01',
              status: 'not_started',
            },
            {
              text: 'Fadderordning',
              responsible: { kind: 'role', text: 'Ordstyrer' },
              deadline: '2026-05-01',
              status: 'not_started',
            },
          ],
        },
      ],
    });
    expect(res.body).not.toContain('Navn ');
    expect(res.body).not.toContain('p-safety-heimly');
  });

  it('kills the old token the moment it is renewed', async () => {
    const renewed = (await world.as.heimly.post(`/plans/${plan.id}/public-link`)).json<PublicLinkResponse>();
    expect(renewed.token).not.toBe(token);
    const old = await open(token);
    expect([old.statusCode, codeOf(old)]).toEqual([404, 'PLAN_LINK_INVALID']);
    expect((await open(renewed.token)).statusCode).toBe(200);
    token = renewed.token;
  });

  it('answers bad tokens with a stable code, never a 5xx', async () => {
    const bad = [
      'x',
      'A'.repeat(43),
      'A'.repeat(100),
      '%F0%9F%92%A9'.repeat(3),
      "'%20or%201=1--",
      token.slice(0, 42) + '.',
    ];
    for (const t of bad) {
      const res = await open(t, '198.51.100.1');
      expect([res.statusCode, codeOf(res)], t).toEqual([404, 'PLAN_LINK_INVALID']);
    }
    const nul = await open('%00abc', '198.51.100.2');
    expect([nul.statusCode, codeOf(nul)]).toEqual([400, 'INVALID_TEXT']);
    const long = await open('A'.repeat(101), '198.51.100.2');
    expect(long.statusCode).toBeLessThan(500);
  });

  it('holds a guessing client back with 429, while a good token still opens', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < PLAN_LINK_GUESSES_PER_CLIENT; i++)
      expect((await open(`guess-${i}`, ip)).statusCode).toBe(404);
    const limited = await open('guess-more', ip);
    expect([limited.statusCode, codeOf(limited)]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await open(token, ip)).statusCode).toBe(200);
    expect((await open('guess-elsewhere', '192.0.2.99')).statusCode).toBe(404);
  });
});
