// The error envelope as a client reads it; errors.ts re-exports it (see there why it is a module
// of its own). This server's envelope is ErrorBody in errors.ts, with code one of ERROR_CODES.
import { Type } from '@sinclair/typebox';

/**
 * The envelope as a client reads it. `code` is any string, not a union of ERROR_CODES: a PWA
 * cached on a tablet keeps running for a shift against a server that may already be newer, and a
 * refusal with a code it does not know yet must still be read as a refusal with its code (the
 * outbox keeps it as the reason). Membership of ERROR_CODES is the caller's check (the staff
 * client's, the tests' reply check).
 */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});
