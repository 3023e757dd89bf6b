// Recognises an enrolled kiosk by `Authorization: Kiosk <credential>`. The access check leaves
// 'kiosk' routes to the route itself (see ../auth/policy.ts); public routes that behave differently
// for a kiosk (/responses, /rounds/current) use the optional form. A revoked kiosk is still
// recognised: what it may still do (sync answers made before the revoke) is for the caller to decide.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { KIOSK_AUTH_SCHEME } from '../../shared/api/organisation';
import { ApiError } from '../api-error';
import type { DB } from '../db/schema';
import { findKioskByCredential, type KioskRecord } from '../repositories/kiosks';

/** The credential, if the request carries the Kiosk scheme (other schemes are not ours). */
export function readKioskCredential(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match || match[1]!.toLowerCase() !== KIOSK_AUTH_SCHEME.toLowerCase()) return undefined;
  return match[2];
}

const unknownKiosk = (message: string) => new ApiError('KIOSK_UNKNOWN', message);

/** The kiosk, or undefined without a Kiosk credential; 401 KIOSK_UNKNOWN for a credential of no kiosk. */
export async function optionalKiosk(
  db: Kysely<DB>,
  request: FastifyRequest,
): Promise<KioskRecord | undefined> {
  const credential = readKioskCredential(request);
  if (credential === undefined) return undefined;
  const kiosk = credential.length <= 200 ? await findKioskByCredential(db, credential) : undefined;
  if (!kiosk) throw unknownKiosk('This tablet is not enrolled (unknown kiosk credential)');
  return kiosk;
}

export async function requireKiosk(db: Kysely<DB>, request: FastifyRequest): Promise<KioskRecord> {
  const kiosk = await optionalKiosk(db, request);
  if (!kiosk) throw unknownKiosk(`Send Authorization: ${KIOSK_AUTH_SCHEME} <credential>`);
  return kiosk;
}
