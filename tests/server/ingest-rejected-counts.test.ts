// Every final rejection of the ingest is counted per round, unit and reason, in the batch's own
// transaction, and a device that sends the same rejected answer again does not count it twice
// (issue 10). The progress endpoint shows the counts. See src/server/ingest/count-rejections.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RoundProgressResponse } from '../../src/shared/api/organisation';
import type { IngestResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { batch, ROUNDS, validResponse } from './support/fixtures';
import { signedIn, type StaffClient, staffEnvironment } from './support/staff';

describeEachDatabase('counted rejections', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  beforeAll(async () => ({ env, admin } = await staffEnvironment(dialect)));
  afterAll(() => env.dispose());

  const send = async (items: unknown[]) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(items) });
    return res.json<IngestResponse>().results.map((r) => ('code' in r ? r.code : r.status));
  };
  const counts = async () => {
    const db = env.database.kysely;
    const other = await db.selectFrom('rejected_counts').selectAll().execute();
    const codes = await db.selectFrom('refused_counts').selectAll().execute();
    return [...other, ...codes]
      .map((r) => `${r.round_id}/${r.unit_id}/${r.reason}=${Number(r.count)}`)
      .sort();
  };

  const open = ROUNDS.open.id;
  // One of each kind: a late answer, a unit outside the round, a broken shape, a wrong code, no way
  // in, an unknown round, no UUID, and the same id twice in one batch.
  const late = validResponse({ roundId: ROUNDS.grace.id, answeredOn: '2026-03-06' });
  const batchOfRejections = [
    late,
    validResponse({ unitId: 'other' }),
    { ...validResponse(), answers: { s1: 9 } },
    validResponse({ code: 'AAA-AAA-AAA' }),
    validResponse({ code: undefined }),
    validResponse({ roundId: 'no-such-round' }),
    { ...validResponse(), id: 'not-a-uuid' },
    late,
  ];

  it('counts each rejection under its round, and its unit when the unit is part of the round', async () => {
    expect(await send(batchOfRejections)).toEqual([
      'ROUND_CLOSED',
      'UNKNOWN_UNIT',
      'VALUE_OUT_OF_RANGE',
      'CODE_UNKNOWN',
      'CODE_REQUIRED',
      'UNKNOWN_ROUND',
      'INVALID_RESPONSE',
      'DUPLICATE_ID_IN_BATCH',
    ]);
    expect(await counts()).toEqual([
      `${ROUNDS.grace.id}/dept/ROUND_CLOSED=1`,
      `${open}//UNKNOWN_UNIT=1`,
      `${open}/dept/CODE_REQUIRED=1`,
      `${open}/dept/CODE_UNKNOWN=1`,
      `${open}/dept/VALUE_OUT_OF_RANGE=1`,
    ]);
  });

  it('does not count the same rejected answers again when a device sends them again', async () => {
    const before = await counts();
    await send(batchOfRejections);
    await send(batchOfRejections.slice(0, 3));
    expect(await counts()).toEqual(before);
    // A new answer with the same fault is a new rejection.
    expect(await send([validResponse({ unitId: 'other' })])).toEqual(['UNKNOWN_UNIT']);
    expect(await counts()).toContain(`${open}//UNKNOWN_UNIT=2`);
  });

  it('counts nothing for an answer stored earlier that would be refused today', async () => {
    const stored = validResponse({ roundId: ROUNDS.grace.id, answeredOn: '2026-03-04' });
    expect(await send([stored])).toEqual(['accepted']);
    const before = await counts();
    const afterGrace = env.secondApp({ now: () => new Date('2026-03-20T11:00:00Z') });
    const res = await afterGrace.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: batch([stored]),
    });
    expect(res.json<IngestResponse>().results[0]).toMatchObject({ status: 'duplicate' });
    expect(await counts()).toEqual(before);
  });

  it('shows the counts per unit and reason on the progress screen, the unit-less ones to the admin', async () => {
    const progress = (await admin.get(`/rounds/${open}/progress`)).json<RoundProgressResponse>();
    const dept = progress.units.find((u) => u.unitId === 'dept')!;
    expect(dept.rejected).toEqual([
      { reason: 'CODE_REQUIRED', count: 1 },
      { reason: 'CODE_UNKNOWN', count: 1 },
      { reason: 'VALUE_OUT_OF_RANGE', count: 1 },
    ]);
    expect(dept.refused).toEqual({ unknownCode: 1, usedCode: 0 });
    expect(progress.units.find((u) => u.unitId === 'unit')!.rejected).toEqual([]);
    expect(progress.rejectedWithoutUnit).toEqual([{ reason: 'UNKNOWN_UNIT', count: 2 }]);
    // The leader of the round's unit sees them too.
    const leader = await signedIn(env, 'leaderA');
    const asLeader = (await leader.get(`/rounds/${open}/progress`)).json<RoundProgressResponse>();
    expect(asLeader.rejectedWithoutUnit).toEqual([{ reason: 'UNKNOWN_UNIT', count: 2 }]);
  });

  it('keeps nothing that points at a person: no time, code or device beside a count', async () => {
    const db = env.database.kysely;
    const columns = (rows: object[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
    expect(columns(await db.selectFrom('rejected_counts').selectAll().execute())).toEqual([
      'count',
      'reason',
      'round_id',
      'unit_id',
    ]);
    const items = await db.selectFrom('rejected_items').selectAll().execute();
    expect(columns(items)).toEqual(['id_hash', 'keep_until', 'round_id']);
    // A hash, not the UUID the device sent; a date some weeks after the round, not a time.
    const ids = new Set(batchOfRejections.map((i) => i.id));
    expect(items.some((i) => ids.has(i.id_hash))).toBe(false);
    expect(
      items.every((i) => /^[0-9a-f]{64}$/.test(i.id_hash) && /^\d{4}-\d{2}-\d{2}$/.test(i.keep_until)),
    ).toBe(true);
  });
});
