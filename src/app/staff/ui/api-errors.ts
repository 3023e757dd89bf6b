// Which message a failed staff request shows. Codes come from the one closed list in
// src/shared/api/errors.ts; anything unexpected gets the generic message, never a raw code.
import { StaffApiError } from '../api/client';

export { StaffApiError };

export function toStaffApiError(error: unknown): StaffApiError {
  if (error instanceof StaffApiError) return error;
  return new StaffApiError(0, 'UNKNOWN', error instanceof Error ? error.message : String(error));
}

const MESSAGE_KEYS = {
  NETWORK: 'errors.network',
  RATE_LIMITED: 'errors.rateLimited',
  INVALID_CREDENTIALS: 'errors.invalidCredentials',
  UNAUTHENTICATED: 'errors.unauthenticated',
  FORBIDDEN_ROLE: 'errors.forbidden',
  FORBIDDEN_UNIT: 'errors.forbiddenUnit',
  CSRF_INVALID: 'errors.unauthenticated',
  NOT_FOUND: 'errors.notFound',
  USERNAME_TAKEN: 'errors.usernameTaken',
  LAST_ADMIN: 'errors.lastAdmin',
  SETUP_TOKEN_INVALID: 'errors.setupTokenInvalid',
  SETUP_ALREADY_DONE: 'errors.setupAlreadyDone',
  MALFORMED_REQUEST: 'errors.malformed',
  INVALID_TEXT: 'errors.malformed',
  INVALID_TRANSITION: 'errors.invalidTransition',
  ROUND_LOCKED: 'errors.roundLocked',
  INVALID_DATE: 'errors.invalidDate',
  CONFLICT: 'errors.conflict',
  INVALID_REFERENCE: 'errors.invalidReference',
  UNIT_IN_USE: 'errors.unitInUse',
} as const;

type MessageKey = (typeof MESSAGE_KEYS)[keyof typeof MESSAGE_KEYS] | 'errors.generic';

export function errorMessageKey(error: StaffApiError): MessageKey {
  return (MESSAGE_KEYS as Record<string, MessageKey>)[error.code] ?? 'errors.generic';
}
