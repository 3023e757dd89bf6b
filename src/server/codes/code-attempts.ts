// The limit on guessing one-time codes, through the public code check and through answers sent
// with codes. Issue 10 measured the old limit (checked before a batch, counted after it) at 10,000
// guesses in 8 s on PostgreSQL; here every guess is counted, in the database, before its answer
// is given.
//
// What is counted: failed guesses only (an unknown code, a used one, a code of another round, or
// one that does not even pass its check character). A code that lets its answer in costs nothing,
// so 300 care workers behind one municipal NAT address answering within the hour never wait for
// each other (their device's check character already catches typos). Counting attempts instead
// would hold a tablet's batch of 100 good answers against a budget meant for guessers.
//
// How it holds under parallel requests: the codes a request names are looked up first (that
// reveals nothing yet), then the failures it would reveal are charged atomically to every scope
// it touches (repositories/code-guesses.ts); only when every scope has room is anything answered.
// A scope that is used up refuses every request with codes, good or bad, so a refusal says
// nothing about the codes in it; a request that would overflow a scope is refused too and uses
// the scope up.
//
// Scopes, each a fixed window of one hour:
// - the client (its address as clientGroup groups it, stored as a keyed hash): GUESS_LIMITS.perClient,
//   both ways in together;
// - the round an answer names, all clients together: GUESS_LIMITS.perRound. This is what holds
//   against many addresses (a botnet, a rotated IPv6 range): whatever their number, a round
//   reveals no more failures than this per hour. A round under such an attack takes coded answers
//   again in the next hour; the device keeps them meanwhile (RATE_LIMITED is sent again later);
// - the public code check of the whole server (a failed check names no round):
//   GUESS_LIMITS.perServerCheck. A refused check blocks nobody: the device lets the person go on
//   and the server decides when the answer arrives.
// README.md "Guessing one-time codes" turns these into the expected time to a first valid code;
// tests/server/code-guessing.test.ts recomputes it from these constants.
import type { Kysely } from 'kysely';
import type { IngestItemResult } from '../../shared/api/respondent';
import { isValidCode, normaliseCode } from '../../shared/codes';
import { clientGroup } from '../client-address';
import type { DB } from '../db/schema';
import { parseItem } from '../ingest/parse-item';
import {
  addGuesses,
  chargeGuesses,
  deleteGuessWindowsBefore,
  findGuessedCodes,
  type GuessCharge,
} from '../repositories/code-guesses';
import { findStoredResponses } from '../repositories/inbox';
import { findRounds } from '../repositories/rounds';
import type { CodeHasher } from './code-hasher';

export const GUESS_LIMITS = {
  windowMinutes: 60,
  /** Failed guesses per client (address, an IPv6 /64) and hour, code checks and answers together. */
  perClient: 20,
  /** Failed guesses in answers per round and hour, all clients together. */
  perRound: 60,
  /** Failed public code checks per hour on the whole server, all clients together. */
  perServerCheck: 60,
} as const;

/** The per-item refusals that tell the sender something about the code it sent. */
const CODE_FAILURES: ReadonlySet<string> = new Set(['CODE_UNKNOWN', 'CODE_ALREADY_USED', 'UNIT_MISMATCH']);

export type GuessGate =
  | { limited: true; retryAfterSeconds: number }
  | {
      limited: false;
      /** Counts failures the look-up could not foresee (a code another batch used a moment before). */
      settle(results: readonly IngestItemResult[]): Promise<void>;
    };

export interface CodeAttempts {
  /**
   * For the public code check: `failed` when the code is unknown or used (a failed guess).
   * Limited means: answer 429 whatever the code.
   */
  checkOne(address: string, failed: boolean): Promise<GuessGate>;
  /** For a batch of answers: limited means none of its coded answers may be looked at or stored. */
  gateBatch(address: string, items: readonly unknown[]): Promise<GuessGate>;
}

/** One coded answer the ingest will check its code for, and whether that check will fail. */
interface Guess {
  index: number;
  roundId: string;
  predictedFailure: boolean;
}

export function codeAttempts(db: Kysely<DB>, hasher: CodeHasher, now: () => Date): CodeAttempts {
  const windowMs = GUESS_LIMITS.windowMinutes * 60_000;
  const clientScope = (address: string) => `client:${hasher.hashClient(clientGroup(address))}`;

  async function charge(charges: GuessCharge[]): Promise<{ window: number } | { retryAfterSeconds: number }> {
    const at = now().getTime();
    const window = Math.floor(at / windowMs);
    await deleteGuessWindowsBefore(db, window);
    const decision = await chargeGuesses(db, window, charges);
    if (decision === 'admitted') return { window };
    return { retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - at) / 1000)) };
  }

  /** The coded answers of a batch whose codes the ingest will look at, in request order. */
  async function guessesIn(items: readonly unknown[]): Promise<Guess[]> {
    const coded = items.flatMap((item, index) => {
      const parsed = parseItem(item);
      return parsed.ok && parsed.value.code !== undefined ? [{ index, value: parsed.value }] : [];
    });
    if (coded.length === 0) return [];
    // An answer stored before is a duplicate and its code is not looked at again; an unknown round
    // is refused before any code is. Neither tells anything about a code.
    const stored = await findStoredResponses(
      db,
      (id) => hasher.hashReceipt(id),
      coded.map((c) => c.value.id.toLowerCase()),
    );
    const rounds = await findRounds(
      db,
      coded.map((c) => c.value.roundId),
    );
    const hashes = coded.map((c) => hasher.hashCode(c.value.code!));
    const codes = await findGuessedCodes(db, hashes);
    const seenIds = new Set<string>();
    const seenCodes = new Set<string>();
    const guesses: Guess[] = [];
    coded.forEach(({ index, value }, i) => {
      const id = value.id.toLowerCase();
      if (seenIds.has(id) || stored.has(id) || !rounds.has(value.roundId)) return;
      seenIds.add(id);
      const code = normaliseCode(value.code!);
      const found = isValidCode(code) ? codes.get(hashes[i]!) : undefined;
      const usable = found !== undefined && !found.used && found.roundId === value.roundId;
      // The same code twice in one batch: the second finds it used.
      const predictedFailure = !usable || seenCodes.has(code);
      seenCodes.add(code);
      guesses.push({ index, roundId: value.roundId, predictedFailure });
    });
    return guesses;
  }

  return {
    async checkOne(address, failed) {
      const hits = failed ? 1 : 0;
      const charged = await charge([
        { scope: clientScope(address), hits, limit: GUESS_LIMITS.perClient },
        { scope: 'check', hits, limit: GUESS_LIMITS.perServerCheck },
      ]);
      if ('retryAfterSeconds' in charged) return { limited: true, ...charged };
      return { limited: false, settle: () => Promise.resolve() };
    },

    async gateBatch(address, items) {
      const guesses = await guessesIn(items);
      if (guesses.length === 0) return { limited: false, settle: () => Promise.resolve() };
      const client = clientScope(address);
      const perRound = new Map<string, number>();
      for (const g of guesses) {
        perRound.set(g.roundId, (perRound.get(g.roundId) ?? 0) + (g.predictedFailure ? 1 : 0));
      }
      const failures = guesses.filter((g) => g.predictedFailure).length;
      const charged = await charge([
        { scope: client, hits: failures, limit: GUESS_LIMITS.perClient },
        ...[...perRound].map(([roundId, hits]) => ({
          scope: `round:${roundId}`,
          hits,
          limit: GUESS_LIMITS.perRound,
        })),
      ]);
      if ('retryAfterSeconds' in charged) return { limited: true, ...charged };
      return {
        limited: false,
        async settle(results) {
          // Failures that were foreseen are already counted; one that was not still counts.
          for (const g of guesses) {
            const result = results[g.index];
            const failed = result?.status === 'rejected' && CODE_FAILURES.has(result.code);
            if (failed && !g.predictedFailure) {
              await addGuesses(db, charged.window, [client, `round:${g.roundId}`], 1);
            }
          }
        },
      };
    },
  };
}
