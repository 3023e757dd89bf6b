// The municipality's own settings: name, kommunenummer and administrative language.
import type { Kysely } from 'kysely';
import type { Municipality, UpdateMunicipalityRequest } from '../../shared/api/organisation';
import type { DB } from '../db/schema';

export async function findMunicipality(db: Kysely<DB>, id: string): Promise<Municipality | undefined> {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name', 'number', 'language'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** False when another municipality already has the number. */
export async function updateMunicipality(
  db: Kysely<DB>,
  id: string,
  changes: UpdateMunicipalityRequest,
): Promise<boolean> {
  const clash = await db
    .selectFrom('municipalities')
    .select('id')
    .where('number', '=', changes.number)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (clash) return false;
  await db
    .updateTable('municipalities')
    .set({ name: changes.name.trim(), number: changes.number, language: changes.language })
    .where('id', '=', id)
    .execute();
  return true;
}
