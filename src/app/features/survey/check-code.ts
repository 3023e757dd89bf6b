// Checks a typed one-time code before the survey starts. Offline, the check character catches
// typos on the device; online, the server also says whether the code is unknown or already used.
// The server checks again when the answer arrives, so a failed or skipped online check never
// blocks anyone from answering.
import type { CodeCheckResponse } from '../../../shared/api/organisation';
import { isValidCode, normaliseCode } from '../../../shared/codes';

export type CodeProblem = 'codeInvalid' | 'codeUsed' | 'codeUnknown' | 'codeNotOpen';

export type CodeCheck = { ok: true; code: string } | { ok: false; problem: CodeProblem };

const PROBLEM: Record<Exclude<CodeCheckResponse['status'], 'valid'>, CodeProblem> = {
  used: 'codeUsed',
  unknown: 'codeUnknown',
  notOpen: 'codeNotOpen',
};

export async function checkCode(typed: string, fetchImpl: typeof fetch): Promise<CodeCheck> {
  const code = normaliseCode(typed);
  if (!isValidCode(code)) return { ok: false, problem: 'codeInvalid' };
  try {
    const res = await fetchImpl('/api/v1/codes/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    if (!res.ok) return { ok: true, code };
    const body = (await res.json()) as CodeCheckResponse;
    return body.status === 'valid' ? { ok: true, code } : { ok: false, problem: PROBLEM[body.status] };
  } catch {
    // Offline or unreachable: the check character passed; the server decides at sync.
    return { ok: true, code };
  }
}
