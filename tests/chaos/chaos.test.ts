// The sync under chaos, at CI size: a handful of devices built from the app's own offline code
// (each with its own fake IndexedDB in a worker thread) send through a proxy that drops, holds,
// delays, duplicates and loses replies, while the real server process is SIGKILLed and started
// again. Every answer must be stored exactly once, and the counts must equal a recount from the
// stored answers. `npm run chaos` runs it larger; TEST_SEED=<n> replays another seed.
import { describe, expect, it } from 'vitest';
import { REPLAY } from '../support/seed';
import { runChaos } from './support/run-chaos';

const SIZE = { devices: 4, answers: 20, kills: 2, upMs: 1_000 };

describe.each([
  { dialect: 'sqlite' as const, skip: false },
  { dialect: 'postgres' as const, skip: !process.env.TEST_DATABASE_URL },
])('chaos on $dialect', ({ dialect, skip }) => {
  it.skipIf(skip)(
    'stores every submitted answer exactly once through drops, duplicates, lost replies and SIGKILLs',
    async () => {
      const r = await runChaos({ dialect, ...SIZE });
      const context = `${REPLAY}\n${r.serverOutput}`;
      expect(r.submitted, context).toBe(SIZE.devices * SIZE.answers);
      expect({ stored: r.stored, rows: r.rows, duplicates: r.duplicates }, context).toEqual({
        stored: r.submitted,
        rows: r.submitted,
        duplicates: 0,
      });
      expect({ pending: r.pending, rejected: r.rejected }, context).toEqual({ pending: 0, rejected: [] });
      expect(r.aggregatesMatchRecount, context).toBe(true);
      expect(r.totalsSum).toBe(r.submitted);
      // Each code let in exactly one answer, a replayed batch used none twice.
      expect(r.codesUsed).toBe(r.codeAnswers);
      // The chaos really happened: the server was killed and came back, the proxy misbehaved.
      expect(r.serverStarts).toBe(SIZE.kills + 1);
      expect(r.proxy.duplicate + r.proxy['lose-reply'] + r.proxy.drop).toBeGreaterThan(0);
    },
    120_000,
  );
});
