// Owns which round a coded answer belongs to: its code's, decided here by the server and never by
// the device. Several rounds may be open at once (in one municipality or in many), and a device may
// have answered under the round it had cached rather than the one the code was issued for; the
// code's keyed hash names its round and unit (../repositories/codes.ts), so the answer is moved
// there before any check. The round the device named therefore can never put an answer into a
// round its code does not belong to, and a good code is never refused because the device guessed
// the wrong round. The checks that follow still hold the answer to that round: its window, its
// frozen frame and its questionnaire version (an answer made to another questionnaire is refused
// with QUESTIONNAIRE_VERSION_MISMATCH, not stored under statements it was not given).
//
// An unknown code keeps the round the device named: that is where its refusal is counted.
import type { Kysely } from 'kysely';
import type { SubmittedResponse } from '../../shared/api/respondent';
import { isValidCode, normaliseCode } from '../../shared/codes';
import type { CodeHasher } from '../codes/code-hasher';
import type { DB } from '../db/schema';
import { findCodeTargets } from '../repositories/codes';
import type { ParsedItem } from './parse-item';

/** The parsed items with every known code's answer moved to the code's round and unit. */
export async function toCodeRounds(
  db: Kysely<DB>,
  hasher: CodeHasher,
  parsed: readonly ParsedItem[],
): Promise<ParsedItem[]> {
  const hashOf = (item: SubmittedResponse) =>
    item.code !== undefined && isValidCode(normaliseCode(item.code))
      ? hasher.hashCode(normaliseCode(item.code))
      : undefined;
  const hashes = parsed.flatMap((p) => (p.ok ? (hashOf(p.value) ?? []) : []));
  if (hashes.length === 0) return [...parsed];
  const targets = await findCodeTargets(db, hashes);
  return parsed.map((p) => {
    if (!p.ok) return p;
    const hash = hashOf(p.value);
    const target = hash === undefined ? undefined : targets.get(hash);
    if (!target || target.roundId === p.value.roundId) return p;
    return { ok: true, value: { ...p.value, roundId: target.roundId, unitId: target.unitId } };
  });
}
