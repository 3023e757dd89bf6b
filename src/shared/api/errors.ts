// One closed union of error codes for the whole wire contract. Codes are stable: clients and
// operators may match on them. Messages are for humans and may change.
export const ERROR_CODES = [
  'MALFORMED_REQUEST',
  /**
   * A string in the request (body, path, query, CSV, or a response item's field) holds a control
   * character no person types or a lone surrogate (see src/shared/text.ts). Nothing was stored.
   */
  'INVALID_TEXT',
  /** The body is not in the media type the route reads (JSON, or text/csv for the imports). */
  'UNSUPPORTED_MEDIA_TYPE',
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
  /** No municipality has this respondents' entry address (/k/<slug>). */
  'ENTRY_UNKNOWN',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  /**
   * The server lost its database connection (a restart, a failover, a cut network) or cannot open
   * one. Send the request again later: the server reconnects by itself (and a batch of answers is
   * stored once however often it is sent).
   */
  'DATABASE_UNAVAILABLE',
  /**
   * The database has no room left (SQLite: the disk or its max_page_count is full; PostgreSQL:
   * SQLSTATE 53100 disk_full). Nothing of the request was stored. Send it again once the operator
   * has made room; the server needs no restart.
   */
  'DATABASE_FULL',
  /**
   * The database was locked by another writer for longer than the server waits (SQLite's
   * SQLITE_BUSY/SQLITE_LOCKED after busy_timeout; PostgreSQL's lock_not_available). Nothing of the
   * request was stored; send it again in a moment.
   */
  'DATABASE_BUSY',
  'SEAL_KEY_MISMATCH',
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
  /**
   * Signed in, but the current password sent with a password change is wrong. Not
   * INVALID_CREDENTIALS (401): the session is valid, only the change is refused, and a 401 would
   * tell the PWA the person is signed out.
   */
  'CURRENT_PASSWORD_WRONG',
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
  /** A round's open-answer threshold may not be below its threshold (issue 11). */
  'OPEN_ANSWER_THRESHOLD_TOO_LOW',
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
  // Follow-up plans (issue 12).
  /** The unit already has a follow-up plan for this round. */
  'PLAN_EXISTS',
  /** A plan can only go draft → agreed → in_progress → evaluated → closed (or agreed → draft before a review). */
  'PLAN_INVALID_TRANSITION',
  /** That part of the plan cannot change in the plan's current state (PLAN_EDIT_RULES). */
  'PLAN_LOCKED',
  /** The plan cannot be agreed yet: the plan's readiness.missing says what is missing. */
  'PLAN_NOT_READY',
  /** The plan already has as many focus factors as the municipality's setting allows. */
  'TOO_MANY_FOCUS_FACTORS',
  /** The factor is already a focus factor of this plan. */
  'FOCUS_FACTOR_TAKEN',
  /** The plan link is unknown or was renewed. */
  'PLAN_LINK_INVALID',
  // Meetings (issue 13).
  /** The meeting code or join token is unknown or expired (failed guesses are counted per client). */
  'MEETING_CODE_INVALID',
  /** The participant cookie is missing, unknown or belongs to a closed meeting: join again. */
  'MEETING_NOT_JOINED',
  /** The meeting is closed (its summary approved) or expired. */
  'MEETING_CLOSED',
  /** That cannot be done in the meeting's current step or phase. */
  'MEETING_WRONG_STEP',
  /** This phone has sent as many contributions as a phase allows, or placed all its dots. */
  'MEETING_LIMIT_REACHED',
  /** The measures and review templates need the unit's follow-up plan. */
  'MEETING_NEEDS_PLAN',
  // Retention and deletion (issue 15).
  /** The address is not an https URL (no spaces, no user or password in it). Nothing was changed. */
  'INVALID_URL',
  /** Deleting a round for good needs its exact name as confirmation; nothing was deleted. */
  'DELETION_NOT_CONFIRMED',
  // Sign-in with the municipality's identity provider (issue 15, src/shared/api/oidc.ts). The
  // callback never answers with these: it sends the browser to the login page with ?feil=<code>.
  /** The municipality has no identity provider, or it is switched off. */
  'OIDC_NOT_CONFIGURED',
  /** The identity provider did not answer (down, slow or misconfigured): local sign-in still works. */
  'OIDC_PROVIDER_UNAVAILABLE',
  /** The sign-in link is unknown, used, expired or was started in another browser: start again. */
  'OIDC_STATE_INVALID',
  /** The identity provider refused or the person cancelled. */
  'OIDC_DENIED',
  /** The id token failed a check (issuer, audience, expiry, nonce, signature). */
  'OIDC_TOKEN_INVALID',
  /** The account belongs to another directory (Entra ID tenant) than the municipality's. */
  'OIDC_TENANT_MISMATCH',
  /** The provider grants the person none of the roles the admin has mapped. */
  'OIDC_NO_ROLE',
  // Staff sessions (issue 15).
  /** The password link an admin made is unknown, used, replaced by a newer one, or expired. */
  'PASSWORD_RESET_INVALID',
  /** The person signs in through the municipality's identity provider: their password lives there. */
  'PASSWORD_NOT_LOCAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorSpec {
  /** The HTTP status every answer with this code has. */
  readonly status: number;
  /** What the message says when the thrower has nothing more specific to tell. */
  readonly message: string;
}

/**
 * One status per code, so a code never arrives with two statuses (the server's ApiError takes the
 * status from here). Codes that are per-item reasons inside an ingest answer (INVALID_RESPONSE,
 * UNKNOWN_ROUND …) travel in a 200 or 400 batch answer; their status here is the one a request
 * failing for that reason alone would have.
 */
export const ERROR_SPECS = {
  MALFORMED_REQUEST: { status: 400, message: 'The request is malformed' },
  INVALID_TEXT: { status: 400, message: 'The text holds a control character or a broken character' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The body is not in a media type this route reads' },
  BODY_TOO_LARGE: { status: 413, message: 'The body is too large' },
  BATCH_TOO_LARGE: { status: 400, message: 'The batch has too many responses' },
  UNSUPPORTED_FORMAT_VERSION: { status: 400, message: 'This server does not read that formatVersion' },
  BATCH_PARTIALLY_REJECTED: { status: 400, message: 'Some responses were rejected; the others were stored' },
  INVALID_RESPONSE: { status: 400, message: 'The response is not valid' },
  DUPLICATE_ID_IN_BATCH: { status: 400, message: 'The id appears twice in the batch' },
  UNKNOWN_ROUND: { status: 400, message: 'No such round' },
  ROUND_NOT_OPEN: { status: 409, message: 'The round is not open' },
  UNKNOWN_UNIT: { status: 400, message: 'No such unit' },
  UNKNOWN_QUESTIONNAIRE_VERSION: { status: 400, message: 'No such questionnaire version' },
  QUESTIONNAIRE_VERSION_MISMATCH: { status: 400, message: "The questionnaire version is not the round's" },
  UNKNOWN_STATEMENT: { status: 400, message: 'No such statement' },
  VALUE_OUT_OF_RANGE: { status: 400, message: 'The value is out of range' },
  BACKGROUND_NOT_ALLOWED: { status: 400, message: 'This round asks no background questions' },
  UNKNOWN_BACKGROUND_QUESTION: { status: 400, message: 'No such background question' },
  INVALID_BACKGROUND_VALUE: { status: 400, message: 'The background answer is not valid' },
  OPEN_TEXT_NOT_ALLOWED: { status: 400, message: 'This round asks no open question' },
  OPEN_TEXT_TOO_LONG: { status: 400, message: 'The open answer is too long' },
  INVALID_DATE: { status: 400, message: 'The date is not valid' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  ENTRY_UNKNOWN: { status: 404, message: 'No municipality has this entry address' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait a while and try again' },
  INTERNAL_ERROR: { status: 500, message: 'Internal server error' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable; try again in a moment' },
  DATABASE_FULL: { status: 503, message: 'The database is full; nothing was stored, try again later' },
  DATABASE_BUSY: { status: 503, message: 'The database is busy; nothing was stored, try again in a moment' },
  SEAL_KEY_MISMATCH: {
    status: 503,
    message:
      'This server process cannot seal answers for the round (its SEAL_KEY differs); nothing was stored',
  },
  UNAUTHENTICATED: { status: 401, message: 'Sign in to continue' },
  FORBIDDEN_ROLE: { status: 403, message: 'Your roles do not give access to this' },
  FORBIDDEN_UNIT: { status: 403, message: 'This unit is outside your units' },
  CSRF_INVALID: { status: 403, message: "Send the session's CSRF token" },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  CURRENT_PASSWORD_WRONG: { status: 403, message: 'The current password is wrong' },
  SETUP_TOKEN_INVALID: {
    status: 403,
    message: 'This setup link is not valid: it is unknown, used or expired',
  },
  SETUP_ALREADY_DONE: { status: 409, message: 'This municipality already has an admin: sign in instead' },
  USERNAME_TAKEN: { status: 409, message: 'The username is taken' },
  LAST_ADMIN: { status: 409, message: 'The municipality must keep at least one admin' },
  CODE_REQUIRED: { status: 400, message: 'An answer needs a code' },
  CODE_UNKNOWN: { status: 400, message: 'No such code in this round' },
  CODE_ALREADY_USED: { status: 409, message: 'The code has already been used' },
  UNIT_MISMATCH: { status: 400, message: "The unit is not the code's or the round's" },
  ROUND_CLOSED: { status: 409, message: 'The round has ended' },
  KIOSK_REVOKED: { status: 403, message: 'This tablet was revoked' },
  KIOSK_UNKNOWN: { status: 401, message: 'This tablet is not enrolled' },
  ENROLMENT_INVALID: { status: 400, message: 'This enrolment link is not valid' },
  CSV_INVALID: { status: 400, message: 'The CSV has wrong lines; nothing was imported' },
  INVALID_TRANSITION: { status: 409, message: 'The round cannot make that change of state' },
  ROUND_LOCKED: { status: 409, message: "That field cannot change in the round's current state" },
  OPEN_ANSWER_THRESHOLD_TOO_LOW: {
    status: 400,
    message: "The threshold for open answers cannot be below the round's threshold",
  },
  UNIT_IN_USE: { status: 409, message: 'The unit is still in use' },
  CONFLICT: { status: 409, message: 'The id, number or name is already taken' },
  INVALID_REFERENCE: { status: 400, message: 'A reference in the request does not exist or does not fit' },
  REPORT_NOT_AVAILABLE: { status: 409, message: 'The round has no report for you yet' },
  PLAN_EXISTS: { status: 409, message: 'The unit already has a plan for this round' },
  PLAN_INVALID_TRANSITION: { status: 409, message: 'The plan cannot make that change of state' },
  PLAN_LOCKED: { status: 409, message: "That part of the plan cannot change in the plan's current state" },
  PLAN_NOT_READY: { status: 409, message: 'The plan is not ready to be agreed' },
  TOO_MANY_FOCUS_FACTORS: { status: 409, message: 'The plan already has as many focus factors as allowed' },
  FOCUS_FACTOR_TAKEN: { status: 409, message: 'That factor is already a focus factor of the plan' },
  PLAN_LINK_INVALID: { status: 404, message: 'This plan link is not valid: it is unknown or was renewed' },
  MEETING_CODE_INVALID: {
    status: 404,
    message: 'This meeting code is not valid: it is unknown or has expired',
  },
  MEETING_NOT_JOINED: { status: 401, message: 'Join the meeting first' },
  MEETING_CLOSED: { status: 409, message: 'The meeting is closed' },
  MEETING_WRONG_STEP: { status: 409, message: "That cannot be done in the meeting's current step" },
  MEETING_LIMIT_REACHED: { status: 409, message: 'You have reached the limit for this step' },
  MEETING_NEEDS_PLAN: { status: 409, message: 'The unit needs a follow-up plan for this meeting' },
  INVALID_URL: { status: 400, message: 'The address must be an https URL' },
  DELETION_NOT_CONFIRMED: {
    status: 400,
    message: "Type the round's exact name to delete it; nothing was deleted",
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    message: 'This municipality has no sign-in through an identity provider',
  },
  OIDC_PROVIDER_UNAVAILABLE: {
    status: 503,
    message: 'The identity provider did not answer; try again later or sign in with a password',
  },
  OIDC_STATE_INVALID: { status: 400, message: 'This sign-in is unknown, used or expired: start again' },
  OIDC_DENIED: { status: 401, message: 'The identity provider did not sign you in' },
  OIDC_TOKEN_INVALID: { status: 401, message: 'The identity provider sent a token that failed the checks' },
  OIDC_TENANT_MISMATCH: { status: 403, message: "The account is not in the municipality's directory" },
  OIDC_NO_ROLE: { status: 403, message: 'The identity provider gives you no role in tifaktor: ask an admin' },
  PASSWORD_NOT_LOCAL: {
    status: 409,
    message: "This person signs in through the municipality's identity provider, which keeps their password",
  },
  PASSWORD_RESET_INVALID: {
    status: 403,
    message: 'This password link is not valid: it is unknown, used, replaced or expired',
  },
} as const satisfies Record<ErrorCode, ErrorSpec>;

/** The envelope every refusal carries, as this server sends it (the error handler's `satisfies`). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

// ErrorBodySchema (the envelope as a client reads it) lives in its own module so that the
// respondent's client can import it without pulling ERROR_CODES and ERROR_SPECS into the
// respondent's bundle (0.5 kB gzip, measured): a bundler keeps a module whole in one chunk.
export { ErrorBodySchema } from './error-body';
