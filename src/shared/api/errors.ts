// One closed union of error codes for the whole wire contract. Codes are stable: clients and
// operators may match on them. Messages are for humans and may change.
export const ERROR_CODES = [
  'MALFORMED_REQUEST',
  'BODY_TOO_LARGE',
  'BATCH_TOO_LARGE',
  'UNSUPPORTED_FORMAT_VERSION',
  'BATCH_PARTIALLY_REJECTED',
  'INVALID_RESPONSE',
  'DUPLICATE_ID_IN_BATCH',
  'UNKNOWN_ROUND',
  'ROUND_NOT_OPEN',
  'UNKNOWN_UNIT',
  'UNKNOWN_QUESTIONNAIRE_VERSION',
  'QUESTIONNAIRE_VERSION_MISMATCH',
  'UNKNOWN_STATEMENT',
  'VALUE_OUT_OF_RANGE',
  'BACKGROUND_NOT_ALLOWED',
  'UNKNOWN_BACKGROUND_QUESTION',
  'INVALID_BACKGROUND_VALUE',
  'OPEN_TEXT_NOT_ALLOWED',
  'OPEN_TEXT_TOO_LONG',
  'INVALID_DATE',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  /** Staff route without a valid session (none, expired or ended). */
  'UNAUTHENTICATED',
  /** Signed in, but none of the person's roles may use this endpoint. */
  'FORBIDDEN_ROLE',
  /** The role fits, but the unit is outside the units the person holds it on. */
  'FORBIDDEN_UNIT',
  /** A POST/PUT/PATCH/DELETE by staff without the session's token in x-csrf-token. */
  'CSRF_INVALID',
  /** Wrong username or password; deliberately the same for both. */
  'INVALID_CREDENTIALS',
  /** The first-admin setup link is unknown, used or expired. */
  'SETUP_TOKEN_INVALID',
  /** The municipality already has an admin, so the setup link has no use any more. */
  'SETUP_ALREADY_DONE',
  'USERNAME_TAKEN',
  /** The change would leave the municipality without an admin. */
  'LAST_ADMIN',
  // Organisation, rounds, codes and kiosks (issue 4).
  /** An answer without a code from something other than an enrolled open-kiosk tablet of the round. */
  'CODE_REQUIRED',
  /** No such code in this round. The refusal is counted for the unit; nothing is stored. */
  'CODE_UNKNOWN',
  /** The code has already let in an answer. The refusal is counted for the unit; nothing is stored. */
  'CODE_ALREADY_USED',
  /** The unitId sent is neither the code's (or kiosk's) unit nor the round's own unit. */
  'UNIT_MISMATCH',
  /** The round has ended: after its close plus grace days, or its results are published. */
  'ROUND_CLOSED',
  /** The kiosk was revoked before this answer was made. */
  'KIOSK_REVOKED',
  /** An Authorization: Kiosk credential that belongs to no kiosk. */
  'KIOSK_UNKNOWN',
  /** The kiosk enrolment link is unknown, used or expired. */
  'ENROLMENT_INVALID',
  /** The unit CSV has bad lines (listed in `lines`); nothing was imported. */
  'CSV_INVALID',
  /** A round can only go draft → open → closed → published. */
  'INVALID_TRANSITION',
  /** This field of the round cannot change in its current state. */
  'ROUND_LOCKED',
  /** The unit still has units below it, rounds, codes, kiosks or answers. */
  'UNIT_IN_USE',
  /** The id, number or name is already taken. */
  'CONFLICT',
  /** A reference in the request (parent unit, unit type, questionnaire) does not exist or does not fit. */
  'INVALID_REFERENCE',
  // Reports (issue 5).
  /**
   * The round has no report for the caller yet: leaders and reps see published rounds only; admin
   * also closed rounds whose grace days have passed (their figures can no longer change).
   */
  'REPORT_NOT_AVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
