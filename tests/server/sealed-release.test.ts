// When the sealed answers of a round are released (src/server/release/), on both databases: not
// while the round runs or is in its grace days (the live counts still see them), at publish, on
// the first report request once the grace has passed, by the scheduler at start; two releases at
// once release each answer once; a resend after the release is still a duplicate; and the start
// refuses a seal key that cannot open what is sealed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResponse, SubmittedResponse } from '../../src/shared/api/respondent';
import type { RoundProgressResponse } from '../../src/shared/api/organisation';
import { StartRefused } from '../../src/server/db/start-refused';
import { storeBatch } from '../../src/server/ingest/store-batch';
import { releaseRound, wipeTraces } from '../../src/server/release/release-round';
import { releaseDue, startReleaseScheduler } from '../../src/server/release/schedule';
import { checkSealKey, findSealKey, PROCESS_SEAL_KEY } from '../../src/server/release/seal-key';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { insertRound } from '../../src/server/repositories/rounds';
import {
  batch,
  NOW,
  ROUNDS,
  seedFixtureCodes,
  TEST_CODE_HASHER,
  TODAY,
  validResponse,
} from './support/fixtures';
import { releaseAll, sealedCount } from './support/release';
import { staffEnvironment, type StaffClient } from './support/staff';

describeEachDatabase('releasing sealed answers', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
  });
  afterAll(() => env.dispose());

  const send = async (items: SubmittedResponse[]) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(items) });
    return res.json<IngestResponse>().results.map((r) => r.status);
  };
  const responsesOf = async (roundId: string) =>
    (await env.database.kysely.selectFrom('responses').select('id').where('round_id', '=', roundId).execute())
      .length;
  const answeredIn = async (roundId: string, unitId: string) => {
    const res = await admin.get(`/rounds/${roundId}/progress`);
    expect(res.statusCode).toBe(200);
    return res.json<RoundProgressResponse>().units.find((u) => u.unitId === unitId)?.answered;
  };

  describe('a round from its first answer to its publication', () => {
    const items = Array.from({ length: 5 }, () => validResponse());
    it('keeps the answers sealed while the round runs, and counts them live', async () => {
      expect(await send(items)).toEqual(items.map(() => 'accepted'));
      expect(await responsesOf(ROUNDS.open.id)).toBe(0);
      expect(await answeredIn(ROUNDS.open.id, 'dept')).toBe(5);
      expect(await releaseDue(env.database, PROCESS_SEAL_KEY, TODAY)).toBe(0);
      expect(await sealedCount(env.database)).toBe(5);
    });

    it('releases them when the round is published, and a resend afterwards is a duplicate', async () => {
      expect((await admin.post(`/rounds/${ROUNDS.open.id}/close`)).statusCode).toBe(200);
      // Closed today: within its grace days nothing is released yet.
      expect(await releaseDue(env.database, PROCESS_SEAL_KEY, TODAY)).toBe(0);
      expect((await admin.post(`/rounds/${ROUNDS.open.id}/publish`)).statusCode).toBe(200);
      expect(await responsesOf(ROUNDS.open.id)).toBe(5);
      expect(await sealedCount(env.database)).toBe(0);
      expect(await answeredIn(ROUNDS.open.id, 'dept')).toBe(5);
      expect(await send([items[2]!])).toEqual(['duplicate']);
    });
  });

  /** A fresh open round like round-open with its own codes, and `n` answers sealed in it. */
  const roundWithAnswers = async (id: string, n: number) => {
    await insertRound(env.database.kysely, { ...ROUNDS.open, id });
    await seedFixtureCodes(env.database.kysely, id, ['dept']);
    const items = Array.from({ length: n }, () => validResponse({ roundId: id }));
    expect(await send(items)).toEqual(items.map(() => 'accepted'));
  };
  const closeInThePast = (id: string) =>
    env.database.kysely
      .updateTable('rounds')
      .set({ status: 'closed', closes_on: '2026-03-05', grace_days: 2 })
      .where('id', '=', id)
      .execute();

  it('releases a closed round past its grace days on the first report request', async () => {
    await roundWithAnswers('round-report', 3);
    await closeInThePast('round-report');
    expect(await responsesOf('round-report')).toBe(0);
    expect((await admin.get('/reports/rounds')).statusCode).toBe(200);
    expect(await responsesOf('round-report')).toBe(3);
  });

  it('releases due rounds when the scheduler starts, and stops', async () => {
    await roundWithAnswers('round-scheduled', 2);
    await roundWithAnswers('round-running', 2);
    await closeInThePast('round-scheduled');
    const errors: unknown[] = [];
    const scheduler = startReleaseScheduler({
      database: env.database,
      sealKey: PROCESS_SEAL_KEY,
      now: () => NOW,
      onError: (error) => void errors.push(error),
    });
    await scheduler.stop();
    expect(errors).toEqual([]);
    expect(await responsesOf('round-scheduled')).toBe(2);
    expect(await responsesOf('round-running')).toBe(0);
  });

  it('releases each answer once when two releases race', async () => {
    await roundWithAnswers('round-raced', 30);
    const other = dialect === 'postgres' ? env.testDb.connect() : env.database;
    try {
      const released = await Promise.all([
        releaseRound(env.database, PROCESS_SEAL_KEY, 'round-raced'),
        releaseRound(other, PROCESS_SEAL_KEY, 'round-raced'),
      ]);
      expect(released.reduce((a, b) => a + b, 0)).toBe(30);
      expect(await responsesOf('round-raced')).toBe(30);
    } finally {
      if (other !== env.database) await other.close();
    }
  });

  if (dialect === 'postgres')
    it('cleans up after a release while an ingest holds the inbox, instead of waiting for it', async () => {
      const other = env.testDb.connect();
      try {
        await other.kysely.transaction().execute(async (trx) => {
          // What an ingest holds while it seals: a write lock on the inbox.
          await sql`lock table sealed_inbox in row exclusive mode`.execute(trx);
          await expect(wipeTraces(env.database)).resolves.toBeUndefined();
        });
      } finally {
        await other.close();
      }
    });

  it('seals nothing into a round published while the batch was being checked', async () => {
    await insertRound(env.database.kysely, {
      ...ROUNDS.open,
      id: 'round-raced-publish',
      status: 'published',
    });
    const response = { ...validResponse({ roundId: 'round-raced-publish' }), code: undefined };
    const { outcomes } = await storeBatch(
      env.database,
      TEST_CODE_HASHER,
      [
        {
          response: {
            id: response.id,
            roundId: response.roundId,
            unitId: 'dept',
            questionnaireVersion: response.questionnaireVersion,
            answeredOn: TODAY,
            answers: { s1: 3, s2: null, s3: 4 },
            background: {},
            openText: null,
          },
          wayIn: { kind: 'kiosk', revoked: false },
          place: { roundId: 'round-raced-publish', unitId: 'dept', keepUntil: '2026-12-31' },
        },
      ],
      { today: TODAY, rejected: [], sealKey: PROCESS_SEAL_KEY },
    );
    expect(outcomes).toEqual([
      { status: 'rejected', code: 'ROUND_CLOSED', message: expect.any(String) as string },
    ]);
    const sealed = await env.database.kysely
      .selectFrom('sealed_inbox')
      .select('receipt')
      .where('round_id', '=', 'round-raced-publish')
      .execute();
    expect(sealed).toEqual([]);
  });

  it('refuses a seal key that cannot open what is sealed, and another key also when nothing is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifaktor-seal-key-'));
    try {
      // Nothing sealed with the tests' own key is left.
      await releaseAll(env.database);
      const keyFile = join(dir, 'seal.key');
      const first = findSealKey({ file: keyFile, dataDir: dir });
      expect(first.fresh).toBe(true);
      await checkSealKey(env.database.kysely, first);
      // Answers sealed with it.
      const db = env.database.kysely;
      const { ingestBatch } = await import('../../src/server/ingest/ingest-batch');
      await ingestBatch(
        env.database,
        [validResponse({ roundId: ROUNDS.grace.id, answeredOn: '2026-03-05' })],
        {
          today: TODAY,
          hasher: TEST_CODE_HASHER,
          sealKey: first.key,
        },
      );
      // The same key starts; another one, or none at all, does not.
      await checkSealKey(db, findSealKey({ file: keyFile, dataDir: dir }));
      writeFileSync(join(dir, 'other.key'), `${'ab'.repeat(32)}\n`);
      await expect(
        checkSealKey(db, findSealKey({ file: join(dir, 'other.key'), dataDir: dir })),
      ).rejects.toThrow(StartRefused);
      await expect(
        checkSealKey(db, findSealKey({ file: join(dir, 'missing.key'), dataDir: dir })),
      ).rejects.toThrow(/No seal key was found/);
      // Released, nothing is sealed: the recorded key is still never replaced by another.
      await releaseRound(env.database, first.key, ROUNDS.grace.id);
      await expect(
        checkSealKey(db, findSealKey({ file: join(dir, 'other.key'), dataDir: dir })),
      ).rejects.toThrow(/not the one this database has recorded/);
      await checkSealKey(db, findSealKey({ file: keyFile, dataDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 SEAL_KEY_MISMATCH from a process with another seal key, and stores nothing', async () => {
    const id = 'round-two-keys';
    await roundWithAnswers(id, 1);
    const before = await sealedCount(env.database);
    const other = env.secondApp({ sealKey: new Uint8Array(32).fill(7) });
    const item = validResponse({ roundId: id });
    const res = await other.inject({ method: 'POST', url: '/api/v1/responses', payload: batch([item]) });
    expect(res.statusCode).toBe(503);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('SEAL_KEY_MISMATCH');
    expect(await sealedCount(env.database)).toBe(before);
    // The device sends it again to a process with the right key: taken once.
    expect(await send([item])).toEqual(['accepted']);
    expect(await send([item])).toEqual(['duplicate']);
  });
});
