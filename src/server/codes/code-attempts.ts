// Brute-force protection for one-time codes: at most CODE_CHECK_LIMIT_PER_MINUTE failed code
// attempts per client and minute, whether through the public code check or through answers sent
// with unknown codes. Only failures count, so a municipal network where many people share one
// address is not held back by people typing their right codes (the check character already
// catches typos on the device). The address is used for this alone and stored only as a keyed hash
// (code-hasher.ts), in rows deleted after a minute.
import type { Kysely } from 'kysely';
import { CODE_CHECK_LIMIT_PER_MINUTE } from '../../shared/api/organisation';
import type { DB } from '../db/schema';
import { countHit, deleteWindowsBefore, hitsIn, uncountHit } from '../repositories/code-check-limits';
import type { CodeHasher } from './code-hasher';

export interface CodeAttempts {
  /**
   * Counts an attempt before it is checked (so parallel guesses cannot all pass), and says whether
   * the client is over the limit. Call `succeeded` to take a good attempt back.
   */
  begin(address: string): Promise<{ limited: boolean; succeeded(): Promise<void> }>;
  /** Whether answers with codes from this client should wait. */
  isLimited(address: string): Promise<boolean>;
  /** Counts failures found afterwards (unknown codes in a batch). */
  addFailures(address: string, failures: number): Promise<void>;
}

export function codeAttempts(db: Kysely<DB>, hasher: CodeHasher, now: () => Date): CodeAttempts {
  const minuteNow = () => Math.floor(now().getTime() / 60_000);
  const key = (address: string) => hasher.hashClient(address);
  return {
    async begin(address) {
      const minute = minuteNow();
      await deleteWindowsBefore(db, minute - 1);
      const client = key(address);
      const hits = await countHit(db, client, minute);
      return {
        limited: hits > CODE_CHECK_LIMIT_PER_MINUTE,
        succeeded: () => uncountHit(db, client, minute),
      };
    },
    async isLimited(address) {
      return (await hitsIn(db, key(address), minuteNow())) >= CODE_CHECK_LIMIT_PER_MINUTE;
    },
    async addFailures(address, failures) {
      if (failures === 0) return;
      const minute = minuteNow();
      await deleteWindowsBefore(db, minute - 1);
      await countHit(db, key(address), minute, failures);
    },
  };
}
