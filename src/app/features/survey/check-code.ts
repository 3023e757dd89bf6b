// Checks a typed one-time code before the survey starts. Offline, the check character catches
// typos on the device; online, the server also says whether the code is unknown or already used.
// The server checks again when the answer arrives, so a failed or skipped online check never
// blocks anyone from answering.
import type { CodeCheckResponse } from '../../../shared/api/organisation';
import { isValidCode, normaliseCode } from '../../../shared/codes';
import { createRespondentClient } from '../../connection/respondent-client';

export type CodeProblem = 'codeInvalid' | 'codeUsed' | 'codeUnknown' | 'codeNotOpen';

/** roundId: the round the server says the code belongs to (unknown offline). */
export type CodeCheck = { ok: true; code: string; roundId?: string } | { ok: false; problem: CodeProblem };

const PROBLEM: Record<Exclude<CodeCheckResponse['status'], 'valid'>, CodeProblem> = {
  used: 'codeUsed',
  unknown: 'codeUnknown',
  notOpen: 'codeNotOpen',
};

export async function checkCode(typed: string, fetchImpl: typeof fetch): Promise<CodeCheck> {
  const code = normaliseCode(typed);
  if (!isValidCode(code)) return { ok: false, problem: 'codeInvalid' };
  const reply = await createRespondentClient(fetchImpl).checkCode(code);
  // Offline, unreachable, refused or a reply we cannot read: the check character passed; the
  // server decides at sync.
  if (reply.kind !== 'ok') return { ok: true, code };
  // Several rounds may be open at once: the code's own round is the one to answer.
  if (reply.body.status === 'valid') return { ok: true, code, roundId: reply.body.round.id };
  return { ok: false, problem: PROBLEM[reply.body.status] };
}
