// Owns the one mapping from the server's stable error codes (src/shared/api/errors.ts) to what a
// person can be told: a refused answer's reason (for the person on the thank-you screen, and
// counted on the tablet's sync line for staff), and why a waiting answer waits. The texts are in
// locales/<lng>/steps.json under `thanks.rejected.<reason>` and common.json under
// `sync.rejectedFor.<reason>` and `sync.retrying.<reason>`. Codes are strings, not ErrorCode: a
// newer server may send one this build does not know, and it then reads as `invalid`.

export const REJECTION_REASONS = [
  'codeUsed',
  'codeUnknown',
  'codeRequired',
  'roundClosed',
  'roundChanged',
  'kioskRevoked',
  'tooLarge',
  'date',
  'invalid',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Final refusals by code; any code not listed (and not transient) is `invalid`. */
const REJECTION_BY_CODE: Readonly<Record<string, RejectionReason>> = {
  CODE_ALREADY_USED: 'codeUsed',
  CODE_UNKNOWN: 'codeUnknown',
  CODE_REQUIRED: 'codeRequired',
  ROUND_CLOSED: 'roundClosed',
  ROUND_NOT_OPEN: 'roundClosed',
  UNKNOWN_ROUND: 'roundChanged',
  UNKNOWN_UNIT: 'roundChanged',
  UNIT_MISMATCH: 'roundChanged',
  UNKNOWN_QUESTIONNAIRE_VERSION: 'roundChanged',
  QUESTIONNAIRE_VERSION_MISMATCH: 'roundChanged',
  UNKNOWN_STATEMENT: 'roundChanged',
  UNKNOWN_BACKGROUND_QUESTION: 'roundChanged',
  BACKGROUND_NOT_ALLOWED: 'roundChanged',
  OPEN_TEXT_NOT_ALLOWED: 'roundChanged',
  KIOSK_REVOKED: 'kioskRevoked',
  KIOSK_UNKNOWN: 'kioskRevoked',
  BODY_TOO_LARGE: 'tooLarge',
  OPEN_TEXT_TOO_LONG: 'tooLarge',
  INVALID_DATE: 'date',
};

export function rejectionReason(code: string): RejectionReason {
  return REJECTION_BY_CODE[code] ?? 'invalid';
}

export const RETRY_REASONS = ['rateLimited', 'tooLarge', 'serverError'] as const;
export type RetryReason = (typeof RETRY_REASONS)[number];

/** Why an answer that failed on its own (or a whole pass) waits: each means "it is sent again later". */
export function retryReason(code: string): RetryReason {
  if (code === 'RATE_LIMITED') return 'rateLimited';
  if (code === 'BODY_TOO_LARGE' || code === 'HTTP_413') return 'tooLarge';
  return 'serverError';
}

/** Counts by code summed by reason, in the order of `reasons`; reasons with no count left out. */
export function countByReason<R extends string>(
  byCode: Record<string, number>,
  reasons: readonly R[],
  reasonOf: (code: string) => R,
): [R, number][] {
  const sums = new Map<R, number>();
  for (const [code, count] of Object.entries(byCode)) {
    const reason = reasonOf(code);
    sums.set(reason, (sums.get(reason) ?? 0) + count);
  }
  return reasons.filter((r) => (sums.get(r) ?? 0) > 0).map((r) => [r, sums.get(r)!]);
}
