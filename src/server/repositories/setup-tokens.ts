// First-admin setup links, stored as the SHA-256 of the token.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function insertSetupToken(
  db: Kysely<DB>,
  token: { hash: string; municipalityId: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('setup_tokens')
    .values({ hash: token.hash, municipality_id: token.municipalityId, expires_at: token.expiresAt })
    .execute();
}

/** The municipality of a live token, with its name. */
export function findLiveSetupToken(db: Kysely<DB>, hash: string, nowIso: string) {
  return db
    .selectFrom('setup_tokens')
    .innerJoin('municipalities', 'municipalities.id', 'setup_tokens.municipality_id')
    .select(['setup_tokens.municipality_id', 'municipalities.name as municipality_name'])
    .where('setup_tokens.hash', '=', hash)
    .where('setup_tokens.expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** Once a municipality has an admin, none of its setup links may be used again. */
export async function deleteSetupTokens(db: Kysely<DB>, municipalityId: string): Promise<void> {
  await db.deleteFrom('setup_tokens').where('municipality_id', '=', municipalityId).execute();
}

export async function deleteExpiredSetupTokens(db: Kysely<DB>, nowIso: string): Promise<void> {
  await db.deleteFrom('setup_tokens').where('expires_at', '<=', nowIso).execute();
}
