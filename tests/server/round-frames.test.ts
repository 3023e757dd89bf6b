// A round's reporting frame is frozen when it opens (issue 11): after the opening, moving units,
// renaming them, changing employee counts, creating units and trying to change the threshold or
// the other report settings change nothing in any report of that round, for any role; the
// reorganised tree is what the next round opens with; the attacks of the issue (a hidden 3-answer
// unit moved under a visible parent, a 1-answer unit moved under a visible sibling and back)
// recover nothing. Codes, kiosks and answers for a unit outside the frame are refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminRound } from '../../src/shared/api/organisation';
import type { UnitReportResponse } from '../../src/shared/api/reports';
import type { LikertValue } from '../../src/shared/likert';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { storeAnswers } from './support/answers';
import { QUESTIONNAIRE } from './support/fixtures';
import { signedIn, staffEnvironment, type StaffClient } from './support/staff';

/** A unit report with its open answers sorted (they come in a fresh random order every time). */
function stable(report: UnitReportResponse): UnitReportResponse {
  return { ...report, openAnswers: report.openAnswers && [...report.openAnswers].sort() };
}

describeEachDatabase('frozen reporting frame', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let readers: Record<'admin' | 'leaderA' | 'unionA' | 'leaderB', StaffClient>;

  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    readers = {
      admin,
      leaderA: await signedIn(env, 'leaderA'),
      unionA: await signedIn(env, 'unionA'),
      leaderB: await signedIn(env, 'leaderB'),
    };
    // Under 'sector' beside the fixture units: F (12 answers), its hidden child F-small (3), G (8),
    // H (1, the lone person), and 'unit' (leaderA's) gets 10 of its own.
    const units = [
      { id: 'fr-f', parentId: 'sector', name: 'Frame F', employeeCount: 20 },
      { id: 'fr-small', parentId: 'fr-f', name: 'Frame F small', employeeCount: 4 },
      { id: 'fr-g', parentId: 'sector', name: 'Frame G', employeeCount: 10 },
      { id: 'fr-h', parentId: 'sector', name: 'Frame H', employeeCount: 2 },
    ];
    for (const u of units) {
      const res = await admin.post('/units', { ...u, unitType: null, openKiosk: false });
      if (res.statusCode !== 201) throw new Error(`unit ${u.id}: ${res.statusCode} ${res.body}`);
    }
  });
  afterAll(async () => {
    await env.dispose();
  });

  async function openRound(name: string, settings: Record<string, unknown> = {}): Promise<AdminRound> {
    const created = await admin.post('/rounds', {
      name,
      unitId: 'sector',
      opensOn: '2026-03-09',
      closesOn: '2026-03-20',
      questionnaireVersion: QUESTIONNAIRE.version,
      openQuestionEnabled: true,
      backgroundEnabled: false,
      ...settings,
    });
    expect(created.statusCode).toBe(201);
    const round = created.json<AdminRound>();
    const opened = await admin.post(`/rounds/${round.id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json<AdminRound>();
  }

  async function publish(round: AdminRound): Promise<void> {
    expect((await admin.post(`/rounds/${round.id}/close`)).statusCode).toBe(200);
    expect((await admin.post(`/rounds/${round.id}/publish`)).statusCode).toBe(200);
  }

  /** Everything every reader can read of the round: the report list, each unit report, the heat map. */
  async function everything(roundId: string): Promise<unknown> {
    const out: Record<string, unknown> = {};
    const unitIds = ['sector', 'unit', 'dept', 'other', 'fr-f', 'fr-small', 'fr-g', 'fr-h', 'fr-new'];
    for (const [who, client] of Object.entries(readers)) {
      const list = (await client.get('/reports/rounds')).json<{ rounds: { round: { id: string } }[] }>();
      out[`${who} list`] = list.rounds.filter((r) => r.round.id === roundId);
      const heat = await client.get(`/reports/rounds/${roundId}/heatmap`);
      out[`${who} heatmap`] = [heat.statusCode, heat.json()];
      for (const unitId of unitIds) {
        const res = await client.get(`/reports/rounds/${roundId}/units/${unitId}`);
        out[`${who} ${unitId}`] =
          res.statusCode === 200 ? stable(res.json<UnitReportResponse>()) : [res.statusCode, res.json()];
      }
    }
    const progress = await admin.get(`/rounds/${roundId}/progress`);
    out['admin progress'] = progress.json();
    return out;
  }

  let first: AdminRound;
  let atPublication: unknown;

  it('keeps every report of a round as it was when the round opened, whatever the live tree does', async () => {
    first = await openRound('Frossen ramme');
    const db = env.database;
    const text = (unit: string) => (i: number) => `${unit} ${i}`;
    await storeAnswers(
      db,
      { roundId: first.id, unitId: 'fr-f' },
      12,
      (i) => ((i % 5) + 1) as LikertValue,
      text('F'),
    );
    await storeAnswers(db, { roundId: first.id, unitId: 'fr-small' }, 3, () => 1, text('small'));
    await storeAnswers(db, { roundId: first.id, unitId: 'fr-g' }, 8, () => 4, text('G'));
    await storeAnswers(db, { roundId: first.id, unitId: 'fr-h' }, 1, () => 2, text('H'));
    await storeAnswers(db, { roundId: first.id, unitId: 'unit' }, 10, () => 3, text('unit'));
    await publish(first);
    atPublication = await everything(first.id);

    // The hidden groups are hidden to begin with.
    const small = (atPublication as Record<string, UnitReportResponse>)['admin fr-small'];
    expect(small).toMatchObject({ suppressed: true, factors: [] });

    // Reorganise: the hidden 3-answer unit under G, rename, new counts, a new unit, H under G.
    const moves: [string, Record<string, unknown>][] = [
      ['fr-small', { parentId: 'fr-g' }],
      ['fr-f', { name: 'F renamed', employeeCount: 99 }],
      ['fr-g', { employeeCount: 1 }],
      ['fr-h', { parentId: 'fr-g' }],
      ['unit', { parentId: 'fr-f' }],
    ];
    for (const [id, change] of moves) {
      const res = await admin.patch(`/units/${id}`, change);
      expect(res.statusCode, res.body).toBe(200);
    }
    const created = await admin.post('/units', {
      id: 'fr-new',
      parentId: 'fr-f',
      name: 'New unit',
      unitType: null,
      employeeCount: 5,
      openKiosk: false,
    });
    expect(created.statusCode).toBe(201);
    expect(await everything(first.id)).toEqual(atPublication);

    // The settings that change what is shown are locked (they stayed editable before issue 11).
    for (const change of [
      { threshold: 3 },
      { threshold: 6 },
      { openAnswerThreshold: 3 },
      { openQuestionEnabled: false },
      { backgroundEnabled: true },
    ]) {
      const res = await admin.patch(`/rounds/${first.id}`, change);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'ROUND_LOCKED' } });
    }
    expect((await admin.patch(`/rounds/${first.id}`, { name: 'Frossen ramme (ny)' })).statusCode).toBe(200);
    expect((await admin.patch(`/rounds/${first.id}`, { name: 'Frossen ramme' })).statusCode).toBe(200);
    expect(await everything(first.id)).toEqual(atPublication);
  });

  it('recovers nothing of a 1-answer unit moved under a visible sibling and back', async () => {
    const before = await everything(first.id);
    expect((await admin.patch('/units/fr-h', { parentId: 'fr-f' })).statusCode).toBe(200);
    const moved = await everything(first.id);
    expect((await admin.patch('/units/fr-h', { parentId: 'fr-g' })).statusCode).toBe(200);
    expect(moved).toEqual(before);
    expect(await everything(first.id)).toEqual(before);
    // The lone person stays hidden, and so does what would give them away.
    const shown = before as Record<string, UnitReportResponse>;
    expect(shown['admin fr-h']).toMatchObject({ suppressed: true, suppressedReason: 'too-few', factors: [] });
    expect(shown['admin fr-g']).toMatchObject({ unit: { name: 'Frame G', parentId: 'sector' } });
  });

  it('shows the frozen names, parents and staffing in the round and the reorganised tree in the next', async () => {
    const f = (atPublication as Record<string, UnitReportResponse>)['admin fr-f']!;
    expect(f.unit).toEqual({ id: 'fr-f', name: 'Frame F', parentId: 'sector', unitType: null });
    // F with its small child below it, as at the opening.
    expect(f.responseRate?.answered).toBe(15);
    const second = await openRound('Neste runde');
    const progress = (await admin.get(`/rounds/${second.id}/progress`)).json<{
      units: { unitId: string; parentId: string | null; name: string }[];
    }>();
    const parents = Object.fromEntries(progress.units.map((u) => [u.unitId, u.parentId]));
    expect(parents).toMatchObject({ 'fr-small': 'fr-g', 'fr-h': 'fr-g', unit: 'fr-f', 'fr-new': 'fr-f' });
    expect(progress.units.find((u) => u.unitId === 'fr-f')?.name).toBe('F renamed');
    // The first round's progress still lists its own frame.
    const old = (await admin.get(`/rounds/${first.id}/progress`)).json<{
      units: { unitId: string; parentId: string | null }[];
    }>();
    expect(old.units.some((u) => u.unitId === 'fr-new')).toBe(false);
    expect(Object.fromEntries(old.units.map((u) => [u.unitId, u.parentId]))).toMatchObject({
      'fr-small': 'fr-f',
      unit: 'sector',
    });
    await publish(second);
  });

  it('lets a leader read the units below theirs in the frame, not those moved below them later', async () => {
    const leader = readers.leaderA;
    // 'unit' now has F below it in the live tree; in the first round's frame it does not.
    expect((await admin.patch('/units/unit', { parentId: 'sector' })).statusCode).toBe(200);
    expect((await admin.patch('/units/fr-f', { parentId: 'unit' })).statusCode).toBe(200);
    const res = await leader.get(`/reports/rounds/${first.id}/units/fr-f`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN_UNIT' } });
    expect((await leader.get(`/reports/rounds/${first.id}/units/dept`)).statusCode).toBe(200);
    const progress = (await leader.get(`/rounds/${first.id}/progress`)).json<{
      units: { unitId: string }[];
    }>();
    expect(progress.units.map((u) => u.unitId).sort()).toEqual(['dept', 'unit']);
    expect(await everything(first.id)).toEqual(atPublication);
  });

  it('keeps a unit that is part of a round from being deleted, so its id never means another unit', async () => {
    // fr-new has no answers, codes or kiosks, but the second round's frame holds it.
    const inUse = await admin.delete('/units/fr-new');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ error: { code: 'UNIT_IN_USE' } });
    const spare = await admin.post('/units', { id: 'fr-spare', parentId: 'sector', name: 'Spare' });
    expect(spare.statusCode).toBe(201);
    expect((await admin.delete('/units/fr-spare')).statusCode).toBe(204);
  });

  it('refuses codes, kiosks and answers for a unit outside the open round frame', async () => {
    const round = await openRound('Åpen runde');
    const created = await admin.post('/units', {
      id: 'fr-late',
      parentId: 'sector',
      name: 'Late unit',
      unitType: null,
      employeeCount: 3,
      openKiosk: true,
    });
    expect(created.statusCode).toBe(201);
    const codes = await admin.post(`/rounds/${round.id}/units/fr-late/codes`, { count: 2 });
    expect(codes.statusCode).toBe(400);
    expect(codes.json()).toMatchObject({ error: { code: 'UNKNOWN_UNIT' } });
    const kiosk = await admin.post(`/rounds/${round.id}/units/fr-late/kiosk-enrolments`, {});
    expect(kiosk.json()).toMatchObject({ error: { code: 'UNKNOWN_UNIT' } });
    // A unit in the frame still takes codes.
    expect((await admin.post(`/rounds/${round.id}/units/fr-g/codes`, { count: 1 })).statusCode).toBe(201);
  });

  it('does not open a round whose codes were made for a unit that has since moved out of it', async () => {
    const created = await admin.post('/rounds', {
      name: 'Flyttet ut',
      unitId: 'fr-g',
      opensOn: '2026-03-09',
      closesOn: '2026-03-20',
      questionnaireVersion: QUESTIONNAIRE.version,
    });
    const round = created.json<AdminRound>();
    expect((await admin.post(`/rounds/${round.id}/units/fr-small/codes`, { count: 1 })).statusCode).toBe(201);
    expect((await admin.patch('/units/fr-small', { parentId: 'sector' })).statusCode).toBe(200);
    const refused = await admin.post(`/rounds/${round.id}/open`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    // Nothing was written: still a draft without a frame.
    const rows = await env.database.kysely
      .selectFrom('round_frames')
      .select('round_id')
      .where('round_id', '=', round.id)
      .execute();
    expect(rows).toEqual([]);
    expect((await admin.patch('/units/fr-small', { parentId: 'fr-g' })).statusCode).toBe(200);
    expect((await admin.post(`/rounds/${round.id}/open`)).json<AdminRound>().status).toBe('open');
  });
});
