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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
