// The public code check a device makes before its holder starts answering: a malformed or unknown
// code and a used one say only that; a code that is good to use is taken back from the guessing
// limit (code-attempts.ts) and answered with its round, if that round takes answers today.
import type { Kysely } from 'kysely';
import type { CodeCheckResponse } from '../../shared/api/organisation';
import { isValidCode } from '../../shared/codes';
import type { DB } from '../db/schema';
import { findCode } from '../repositories/codes';
import { codeRoundCheck } from '../rounds/device-round';
import type { CodeHasher } from './code-hasher';

export async function checkCode(
  db: Kysely<DB>,
  hasher: CodeHasher,
  input: { code: string; today: string; attempt: { succeeded(): Promise<void> } },
): Promise<CodeCheckResponse> {
  const found = isValidCode(input.code) ? await findCode(db, hasher.hashCode(input.code)) : undefined;
  if (!found) return { status: 'unknown' };
  if (found.used) return { status: 'used' };
  // A code that is good to use costs nothing against the limit.
  await input.attempt.succeeded();
  return codeRoundCheck(db, found, input.today);
}
