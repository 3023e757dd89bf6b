// Owns which refusals from the server are final. A code here means "not now": the answer stays in
// the outbox and is sent again later, whatever the server called it (a per-item `rejected` or a
// refusal of the whole request). Every other code in a per-item answer is final: the answer leaves
// the outbox and only its reason is kept (RejectedRow in db.ts). Codes are the stable ones of
// src/shared/api/errors.ts, as strings: a newer server may send codes this build does not know,
// and those are final like any other refusal.

/** Server trouble and limits that pass by themselves. */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'DATABASE_BUSY',
  'DATABASE_FULL',
  'SEAL_KEY_MISMATCH',
  'INTERNAL_ERROR',
]);

export function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}

/** Given to a single answer that is too large for the server even on its own. */
export const TOO_LARGE_CODE = 'BODY_TOO_LARGE';
