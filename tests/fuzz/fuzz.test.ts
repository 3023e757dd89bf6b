// The fuzz run at CI size (see support/run-fuzz.ts for what is sent and checked): every route the
// app registers, anonymous, as a signed-in admin with its CSRF token and as a kiosk, with
// malformed, mistyped, oversized, deeply nested and unicode/NUL-laden bodies, paths and queries,
// drawn by fast-check from TEST_SEED. `npm run fuzz -- --runs N` runs more.
import { describe, expect, it } from 'vitest';
import { REPLAY } from '../support/seed';
import { formatFuzz, runFuzz } from './support/run-fuzz';

const RUNS = 2_000;

describe.each([
  { dialect: 'sqlite' as const, skip: false },
  { dialect: 'postgres' as const, skip: !process.env.TEST_DATABASE_URL },
])('fuzz on $dialect', ({ dialect, skip }) => {
  it.skipIf(skip)(
    'answers no request with a 5xx, every 4xx with a known code, and stores nothing invalid',
    async () => {
      const r = await runFuzz({ dialect, runs: RUNS });
      const report = `${REPLAY}\n${formatFuzz(r)}`;
      expect(r.requests).toBe(RUNS);
      expect(r.serverErrors, report).toEqual([]);
      expect(r.uncoded, report).toEqual([]);
      // Only what the server said it accepted was stored; the counts still match the answers.
      expect(r.acceptedByServer, report).toBeGreaterThan(0);
      expect(r.responsesAfter - r.responsesBefore, report).toBe(r.acceptedByServer);
      expect(r.aggregatesMatchRecount, report).toBe(true);
      expect(r.unstorable, report).toEqual([]);
      // The run reached every route, and as admin got past sign-in to the routes' own checks.
      expect(r.routesMissed, report).toEqual([]);
      expect(r.adminPastAuth).toBeGreaterThan(RUNS / 10);
    },
    120_000,
  );
});
