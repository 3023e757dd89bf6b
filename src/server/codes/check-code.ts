// The public code check a device makes before its holder starts answering: a malformed or unknown
// code and a used one say only that; a code that is good to use is answered with its round, if
// that round takes answers today. The code is looked up first, but no answer is given before the
// guessing limit (code-attempts.ts) has counted it: an unknown or used code is a failed guess, and
// once the client or the server's code check is over its limit every code gets `limited`, good or
// bad, so the refusal itself tells nothing.
import type { Kysely } from 'kysely';
import type { CodeCheckResponse } from '../../shared/api/organisation';
import { isValidCode } from '../../shared/codes';
import type { DB } from '../db/schema';
import { findCode } from '../repositories/codes';
import { codeRoundCheck } from '../rounds/device-round';
import type { CodeAttempts } from './code-attempts';
import type { CodeHasher } from './code-hasher';

export type CheckedCode =
  { limited: true; retryAfterSeconds: number } | { limited: false; answer: CodeCheckResponse };

export async function checkCode(
  db: Kysely<DB>,
  hasher: CodeHasher,
  attempts: CodeAttempts,
  input: { code: string; today: string; address: string },
): Promise<CheckedCode> {
  const found = isValidCode(input.code) ? await findCode(db, hasher.hashCode(input.code)) : undefined;
  const gate = await attempts.checkOne(input.address, !found || found.used);
  if (gate.limited) return gate;
  if (!found) return { limited: false, answer: { status: 'unknown' } };
  if (found.used) return { limited: false, answer: { status: 'used' } };
  return { limited: false, answer: await codeRoundCheck(db, found, input.today) };
}
