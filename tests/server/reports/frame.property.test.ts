// Property (issue 11): over random unit trees with random answer counts, and random sequences of
// tree moves, renames, new employee counts, new units and attempts to change the round's report
// settings after it opened, every report of the round that can be read after each step equals the
// one read when it was published: nothing done to the live tree or the settings can be subtracted
// from it. Through the API on one database per run of the file (both in CI), with the repository's
// fixed seed (TEST_SEED replays another).
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminRound } from '../../../src/shared/api/organisation';
import type { UnitReportResponse } from '../../../src/shared/api/reports';
import type { LikertValue } from '../../../src/shared/likert';
import { REPLAY, useFastCheckSeed } from '../../support/seed';
import { storeAnswers } from '../support/answers';
import { describeEachDatabase } from '../support/databases';
import type { TestEnvironment } from '../support/environment';
import { QUESTIONNAIRE } from '../support/fixtures';
import { staffEnvironment, type StaffClient } from '../support/staff';

useFastCheckSeed();

/** Unit i's parent is one of the units before it (unit 0 is the round's root); its own answers. */
const treeArb = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.nat({ max: i - 1 })))),
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
    ),
  );

type Step =
  | { kind: 'move'; unit: number; parent: number }
  | { kind: 'rename'; unit: number }
  | { kind: 'employees'; unit: number; count: number }
  | { kind: 'create'; parent: number }
  | { kind: 'setting'; change: Record<string, unknown> };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), unit: fc.nat({ max: 6 }), parent: fc.nat({ max: 8 }) }),
  fc.record({ kind: fc.constant('rename' as const), unit: fc.nat({ max: 6 }) }),
  fc.record({
    kind: fc.constant('employees' as const),
    unit: fc.nat({ max: 6 }),
    count: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({ kind: fc.constant('create' as const), parent: fc.nat({ max: 6 }) }),
  fc.record({
    kind: fc.constant('setting' as const),
    change: fc.oneof(
      fc.record({ threshold: fc.integer({ min: 3, max: 12 }) }),
      fc.record({ openAnswerThreshold: fc.integer({ min: 3, max: 20 }) }),
      fc.record({ openQuestionEnabled: fc.boolean() }),
      fc.record({ backgroundEnabled: fc.boolean() }),
    ),
  }),
);

describeEachDatabase('frozen frame property', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let run = 0;

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
  });
  afterAll(async () => {
    await env.dispose();
  });

  /** Every report of the round the admin can read: the list entry, the heat map, each unit's report. */
  async function everything(roundId: string, unitIds: readonly string[]): Promise<unknown> {
    const list = (await admin.get('/reports/rounds')).json<{ rounds: { round: { id: string } }[] }>();
    const out: Record<string, unknown> = {
      list: list.rounds.filter((r) => r.round.id === roundId),
      heatmap: (await admin.get(`/reports/rounds/${roundId}/heatmap`)).json(),
    };
    for (const id of unitIds) {
      const res = await admin.get(`/reports/rounds/${roundId}/units/${id}`);
      const body = res.json<UnitReportResponse>();
      out[id] =
        res.statusCode === 200
          ? { ...body, openAnswers: body.openAnswers && [...body.openAnswers].sort() }
          : body;
    }
    return out;
  }

  it('keeps every report of a round equal to the one at publication through any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb,
        fc.array(stepArb, { minLength: 1, maxLength: 6 }),
        async ([parents, answers], steps) => {
          const prefix = `p${run++}`;
          const ids = parents.map((_, i) => `${prefix}-u${i}`);
          for (const [i, parent] of parents.entries()) {
            const res = await admin.post('/units', {
              id: ids[i],
              parentId: parent < 0 ? 'sector' : ids[parent],
              name: `Unit ${i}`,
              unitType: null,
              employeeCount: 10,
              openKiosk: false,
            });
            expect(res.statusCode).toBe(201);
          }
          const round = (
            await admin.post('/rounds', {
              name: prefix,
              unitId: ids[0],
              opensOn: '2026-03-09',
              closesOn: '2026-03-20',
              questionnaireVersion: QUESTIONNAIRE.version,
              openQuestionEnabled: true,
              threshold: 3,
            })
          ).json<AdminRound>();
          expect((await admin.post(`/rounds/${round.id}/open`)).statusCode).toBe(200);
          for (const [i, n] of answers.entries()) {
            const target = { roundId: round.id, unitId: ids[i]! };
            await storeAnswers(
              env.database,
              target,
              n,
              (k) => (((k + i) % 5) + 1) as LikertValue,
              (k) => `${i}:${k}`,
            );
          }
          await admin.post(`/rounds/${round.id}/close`);
          await admin.post(`/rounds/${round.id}/publish`);
          const readable = [...ids, `${prefix}-new`];
          const atPublication = await everything(round.id, readable);

          let created = 0;
          // Units to move under: the round's own, 'sector' and 'other' outside it.
          const targets = [...ids, 'sector', 'other'];
          for (const step of steps) {
            const unit = ids[('unit' in step ? step.unit : 0) % ids.length]!;
            if (step.kind === 'move') {
              // A move below itself is refused (400); any other move is taken.
              await admin.patch(`/units/${unit}`, { parentId: targets[step.parent % targets.length] });
            } else if (step.kind === 'rename') {
              expect((await admin.patch(`/units/${unit}`, { name: `Renamed ${unit}` })).statusCode).toBe(200);
            } else if (step.kind === 'employees') {
              expect((await admin.patch(`/units/${unit}`, { employeeCount: step.count })).statusCode).toBe(
                200,
              );
            } else if (step.kind === 'create') {
              const res = await admin.post('/units', {
                id: created++ === 0 ? `${prefix}-new` : `${prefix}-new${created}`,
                parentId: ids[step.parent % ids.length],
                name: 'New',
                unitType: null,
                employeeCount: 3,
                openKiosk: false,
              });
              expect(res.statusCode).toBe(201);
            } else {
              const res = await admin.patch(`/rounds/${round.id}`, step.change);
              expect(res.json()).toMatchObject({ error: { code: 'ROUND_LOCKED' } });
            }
            expect(await everything(round.id, readable), `${JSON.stringify(step)}; ${REPLAY}`).toEqual(
              atPublication,
            );
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
