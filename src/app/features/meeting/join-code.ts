// The short meeting code as people type it: lower case, with spaces or dashes where the screen
// groups it ("ABCD-EF23"), maybe a stray space at the end. Normalised before it is sent, and
// checked against the code's alphabet first, so a typo is told at once instead of costing one of
// the few guesses the server allows per hour (MEETING_LIMITS.codeGuessesPerHour).
import { MEETING_CODE_ALPHABET, MEETING_LIMITS } from '../../../shared/meetings';

/** Upper case, without whitespace, dashes, dots or underscores. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-–—._]+/g, '');
}

export type CodeProblem = 'empty' | 'length' | 'characters';

/** What is wrong with a normalised code before asking the server, or null if it may be one. */
export function codeProblem(code: string): CodeProblem | null {
  if (code.length === 0) return 'empty';
  if ([...code].some((ch) => !MEETING_CODE_ALPHABET.includes(ch))) return 'characters';
  if (code.length !== MEETING_LIMITS.codeLength) return 'length';
  return null;
}

/** The QR link's token from the address's fragment (`#<token>`), or null if there is none. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
