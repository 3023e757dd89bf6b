// A meeting's code and join token. Both are derived from the meeting's id under the server's code
// key (CodeHasher.meetingSecret), so the leader's screen can show them again at any time, while the
// database keeps only the code's keyed hash and the token's SHA-256: a copy of the database alone
// gives neither. The code is 8 characters of MEETING_CODE_ALPHABET (31^8 ≈ 8.5e11); the token has
// 256 bits. A participant's cookie token is random (auth/tokens.ts) and stored as its SHA-256.
import { MEETING_CODE_ALPHABET, MEETING_LIMITS } from '../../shared/meetings';
import { sha256Hex } from '../auth/tokens';
import type { CodeHasher } from '../codes/code-hasher';

/** The code as typed: upper case, without spaces or dashes. */
export function normaliseMeetingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function meetingCode(hasher: CodeHasher, meetingId: string): string {
  const hex = hasher.meetingSecret('code', meetingId);
  let code = '';
  for (let i = 0; i < MEETING_LIMITS.codeLength; i++) {
    // 32 bits per character: the modulo's bias is below 1e-8.
    const n = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
    code += MEETING_CODE_ALPHABET[n % MEETING_CODE_ALPHABET.length];
  }
  return code;
}

export const meetingCodeHash = (hasher: CodeHasher, code: string): string =>
  hasher.meetingSecret('code-hash', normaliseMeetingCode(code));

export function meetingToken(hasher: CodeHasher, meetingId: string): string {
  return Buffer.from(hasher.meetingSecret('token', meetingId), 'hex').toString('base64url');
}

export const tokenHash = (token: string): string => sha256Hex(token);
