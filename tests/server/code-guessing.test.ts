// The limit on guessing one-time codes (src/server/codes/code-attempts.ts): every failed guess is
// counted in the database before it is answered, per client and per round (and per server for the
// public code check), also for parallel requests and a second server process; a used-up scope
// refuses good codes too, so a refusal tells nothing; good codes cost nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUESS_LIMITS } from '../../src/server/codes/code-attempts';
import type { IngestResponse } from '../../src/shared/api/respondent';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import {
  batch,
  fixtureCode,
  kioskHeaders,
  nextFixtureCode,
  NOW,
  ROUNDS,
  TEST_CODE_HASHER,
  validResponse,
} from './support/fixtures';
import { storedIds } from './support/release';

let clients = 0;
/** A fresh client address (the clock is pinned: one window for the whole file). */
const newAddress = () => `10.9.${Math.floor(++clients / 250)}.${clients % 250}`;
const HOUR = 3600_000;

/** A code that passes its check character but was never issued. */
let guesses = 0;
const guess = () => fixtureCode('never-issued', 'x', guesses++);

const isUsed = async (env: TestEnvironment, code: string) =>
  (
    await env.database.kysely
      .selectFrom('one_time_codes')
      .select('used')
      .where('code_hash', '=', TEST_CODE_HASHER.hashCode(code))
      .executeTakeFirstOrThrow()
  ).used === 1;

/** How many of the results told the sender its code was unknown. */
const unknownIn = (bodies: { body: IngestResponse }[]) =>
  bodies.flatMap((b) => b.body.results ?? []).filter((r) => 'code' in r && r.code === 'CODE_UNKNOWN').length;

/** Whether every item of the reply was held back for the limit (kept on the device, sent again later). */
const heldBack = (reply: { status: number; body: IngestResponse }) =>
  reply.status === 400 &&
  reply.body.results.length > 0 &&
  reply.body.results.every((r) => r.status === 'rejected' && r.code === 'RATE_LIMITED');

/** An answer for round-plain (no background, no open question) with its next code. */
const plainAnswer = () =>
  validResponse({ roundId: ROUNDS.plain.id, unitId: 'other', background: {}, openText: undefined });

describeEachDatabase('guessing one-time codes', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  const db = () => env.database.kysely;
  const check = (code: string, remoteAddress: string, app: FastifyInstance = env.app) =>
    app.inject({ method: 'POST', url: '/api/v1/codes/check', payload: { code }, remoteAddress });
  const send = async (items: unknown[], remoteAddress: string, app: FastifyInstance = env.app) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: batch(items),
      remoteAddress,
    });
    return { status: res.statusCode, headers: res.headers, body: res.json<IngestResponse>() };
  };
  describe('the public code check', () => {
    it('answers perClient failed checks per client and hour, then 429 for any code, good ones too', async () => {
      const address = newAddress();
      const good = [nextFixtureCode(ROUNDS.open.id, 'dept'), nextFixtureCode(ROUNDS.open.id, 'dept')];
      // Good codes cost nothing: checked before, between and after the failures.
      expect((await check(good[0]!, address)).json()).toMatchObject({ status: 'valid' });
      for (let i = 0; i < GUESS_LIMITS.perClient; i++) {
        const res = await check(guess(), address);
        expect(res.json()).toEqual({ status: 'unknown' });
      }
      expect((await check(good[0]!, address)).statusCode).toBe(429);
      const limited = await check(guess(), address);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(GUESS_LIMITS.windowMinutes * 60);
      // Another client is answered; the next hour starts afresh (a second process, same database).
      expect((await check(good[1]!, newAddress())).json()).toMatchObject({ status: 'valid' });
      const nextHour = env.secondApp({ now: () => new Date(NOW.getTime() + HOUR) });
      expect((await check(good[1]!, address, nextHour)).json()).toMatchObject({ status: 'valid' });
    });

    it('holds for a burst of parallel checks spread over two server processes', async () => {
      const address = newAddress();
      const other = env.secondApp();
      const res = await Promise.all(
        Array.from({ length: 60 }, (_, i) => check(guess(), address, i % 2 === 0 ? env.app : other)),
      );
      expect(res.filter((r) => r.statusCode === 200)).toHaveLength(GUESS_LIMITS.perClient);
      expect(res.filter((r) => r.statusCode === 429)).toHaveLength(60 - GUESS_LIMITS.perClient);
    });

    it('counts an IPv6 client by its /64, so rotating the rest of the address gains nothing', async () => {
      const prefix = `2001:db8:${(++clients).toString(16)}:7`;
      const res = await Promise.all(
        Array.from({ length: 30 }, (_, i) => check(guess(), `${prefix}::${(i + 1).toString(16)}`)),
      );
      expect(res.filter((r) => r.statusCode === 200)).toHaveLength(GUESS_LIMITS.perClient);
    });
  });

  describe('answers sent with codes', () => {
    it('counts every coded item of a batch: one batch of 100 guesses is held back whole, nothing answered', async () => {
      const address = newAddress();
      const res = await send(
        Array.from({ length: 100 }, () => validResponse({ code: guess() })),
        address,
      );
      expect(heldBack(res)).toBe(true);
      expect(res.body.results).toHaveLength(100);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // The batch used the client up: a good code from there waits too, and stays unused.
      const code = nextFixtureCode(ROUNDS.open.id, 'dept');
      expect(heldBack(await send([validResponse({ code })], address))).toBe(true);
      expect(await isUsed(env, code)).toBe(false);
      expect((await check(code, address)).statusCode).toBe(429);
    });

    it('stores the answers without a code of a held-back batch (an open kiosk), and holds the coded ones back', async () => {
      await env.database.kysely
        .updateTable('units')
        .set({ open_kiosk: 1 })
        .where('id', '=', 'dept')
        .execute();
      const tablet = newAddress();
      const used = await send(
        Array.from({ length: GUESS_LIMITS.perClient }, () => validResponse({ code: guess() })),
        tablet,
      );
      expect(unknownIn([used])).toBe(GUESS_LIMITS.perClient);
      const open = validResponse({ code: undefined });
      const coded = validResponse({});
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/responses',
        payload: batch([open, coded]),
        remoteAddress: tablet,
        headers: kioskHeaders(),
      });
      expect(res.json<IngestResponse>().results.map((r) => ('code' in r ? r.code : r.status))).toEqual([
        'accepted',
        'RATE_LIMITED',
      ]);
      expect(await storedIds(env.database, [open.id, coded.id])).toEqual([open.id]);
      expect(await isUsed(env, coded.code!)).toBe(false);
      await env.database.kysely
        .updateTable('units')
        .set({ open_kiosk: 0 })
        .where('id', '=', 'dept')
        .execute();
    });

    it('holds for parallel batches from one client: at most perClient guesses are answered', async () => {
      const address = newAddress();
      const other = env.secondApp();
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          send(
            Array.from({ length: 5 }, () => validResponse({ code: guess() })),
            address,
            i % 2 === 0 ? env.app : other,
          ),
        ),
      );
      expect(unknownIn(replies)).toBe(GUESS_LIMITS.perClient);
      expect(replies.filter(heldBack)).toHaveLength(12 - GUESS_LIMITS.perClient / 5);
    });

    it('does not hold good codes against a shared address: 300 answers from one NAT address within the hour', async () => {
      const office = newAddress();
      // A few people typed a code that does not exist …
      const typos = await send(
        Array.from({ length: GUESS_LIMITS.perClient - 5 }, () => validResponse({ code: guess() })),
        office,
      );
      expect(unknownIn([typos])).toBe(GUESS_LIMITS.perClient - 5);
      // … and 300 others answer with theirs, in tablets' batches of 100 and one by one, in parallel.
      const tablets = await Promise.all([
        send(
          Array.from({ length: 100 }, () => validResponse({ unitId: 'unit' })),
          office,
        ),
        send(
          Array.from({ length: 100 }, () => plainAnswer()),
          office,
        ),
      ]);
      for (const res of tablets) {
        expect(res.status).toBe(200);
        expect(res.body.results.every((r) => r.status === 'accepted')).toBe(true);
      }
      const singles = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          send([i % 2 ? plainAnswer() : validResponse({ unitId: 'unit' })], office),
        ),
      );
      expect(singles.every((r) => r.status === 200)).toBe(true);
      expect(singles.every((r) => r.body.results[0]?.status === 'accepted')).toBe(true);
    });

    it('does not count a resent batch that was stored already (its codes are used by now)', async () => {
      const address = newAddress();
      const items = Array.from({ length: 50 }, () => plainAnswer());
      expect((await send(items, address)).status).toBe(200);
      for (let i = 0; i < 3; i++) {
        const again = await send(items, address);
        expect(again.status).toBe(200);
        expect(again.body.results.every((r) => r.status === 'duplicate')).toBe(true);
      }
    });

    it('keeps only keyed hashes of addresses, and only the current hour', async () => {
      const rows = await db().selectFrom('code_guesses').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      const stored = JSON.stringify(rows);
      expect(stored).not.toMatch(/10\.9\.|2001:db8|127\.0\.0\.1/);
      for (const row of rows) expect(row.scope).toMatch(/^(client:[0-9a-f]{64}|round:.+|check)$/);
      // Past hours are gone (a test above asked at the next hour).
      const hour = Math.floor(NOW.getTime() / HOUR);
      expect(rows.every((r) => Number(r.window_hour) >= hour)).toBe(true);
    });
  });
});

describeEachDatabase('guessing one-time codes, the whole server', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  const send = async (items: unknown[], remoteAddress: string, app: FastifyInstance = env.app) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      payload: batch(items),
      remoteAddress,
    });
    return { status: res.statusCode, body: res.json<IngestResponse>() };
  };

  it('limits a round over all clients together: many addresses in parallel get perRound guesses answered', async () => {
    const addresses = Array.from({ length: 40 }, newAddress);
    const replies = await Promise.all(
      addresses.map((address) =>
        send(
          Array.from({ length: 3 }, () => validResponse({ code: guess() })),
          address,
        ),
      ),
    );
    // 40 × 3 = 120 guesses at round-open; each address had room for 20.
    expect(unknownIn(replies)).toBe(GUESS_LIMITS.perRound);
    // The round is used up for the hour, for a good code from a fresh address too; another round is not.
    const code = nextFixtureCode(ROUNDS.open.id, 'dept');
    expect(heldBack(await send([validResponse({ code })], newAddress()))).toBe(true);
    expect(await isUsed(env, code)).toBe(false);
    const elsewhere = await send([plainAnswer()], newAddress());
    expect(elsewhere.status).toBe(200);
    // The next hour, the round's good code goes in.
    const nextHour = env.secondApp({ now: () => new Date(NOW.getTime() + HOUR) });
    const later = await send([validResponse({ code })], newAddress(), nextHour);
    expect(later.body.results).toEqual([expect.objectContaining({ status: 'accepted' })]);
  });

  it('answers perServerCheck failed public checks per hour over all clients together', async () => {
    const res = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        env.app.inject({
          method: 'POST',
          url: '/api/v1/codes/check',
          payload: { code: guess() },
          remoteAddress: `198.51.100.${i + 1}`,
        }),
      ),
    );
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(GUESS_LIMITS.perServerCheck);
    expect(res.filter((r) => r.statusCode === 429)).toHaveLength(100 - GUESS_LIMITS.perServerCheck);
  });
});
