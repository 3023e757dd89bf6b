// Owns the admin's edits of single units: create, change, delete, each checked against the tree's
// rules (./unit-rules.ts) before the repository writes. The CSV import is ./unit-csv.ts.
import type { Kysely } from 'kysely';
import type { CreateUnitRequest, Unit, UpdateUnitRequest } from '../../shared/api/organisation';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import {
  deleteUnit,
  findUnit,
  insertUnit,
  parentMap,
  toUnit,
  unitExistsAnywhere,
  unitReferences,
  unitTypeExists,
  updateUnit,
} from '../repositories/units';
import { inUseMessage, wouldMakeCycle } from './unit-rules';

const badReference = (message: string) => new ApiError('INVALID_REFERENCE', message);

/** 400 INVALID_REFERENCE for an unknown parent or unit type, or a move below the unit itself. */
async function assertReferences(
  db: Kysely<DB>,
  municipalityId: string,
  unitId: string | undefined,
  body: UpdateUnitRequest,
) {
  if (body.parentId !== undefined && body.parentId !== null) {
    if (!(await findUnit(db, municipalityId, body.parentId))) throw badReference(`No unit ${body.parentId}`);
    if (unitId !== undefined && wouldMakeCycle(await parentMap(db, municipalityId), unitId, body.parentId)) {
      throw badReference('A unit cannot be moved below itself');
    }
  }
  if (body.unitType !== undefined && body.unitType !== null && !(await unitTypeExists(db, body.unitType))) {
    throw badReference(`No unit type ${body.unitType}`);
  }
}

async function loadUnit(db: Kysely<DB>, municipalityId: string, id: string): Promise<Unit> {
  const row = await findUnit(db, municipalityId, id);
  if (!row) throw notFound('No such unit');
  return toUnit(row);
}

/** 409 CONFLICT when the id is taken on the server (in any municipality: ids are global keys). */
export async function createUnit(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  body: CreateUnitRequest,
): Promise<Unit> {
  if (await unitExistsAnywhere(db, id)) throw new ApiError('CONFLICT', `The unit id ${id} is taken`);
  await assertReferences(db, municipalityId, undefined, body);
  await insertUnit(db, municipalityId, id, {
    parentId: body.parentId,
    name: body.name.trim(),
    unitType: body.unitType ?? null,
    employeeCount: body.employeeCount ?? null,
    openKiosk: body.openKiosk ?? false,
  });
  return loadUnit(db, municipalityId, id);
}

export async function editUnit(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  body: UpdateUnitRequest,
): Promise<Unit> {
  await loadUnit(db, municipalityId, id);
  await assertReferences(db, municipalityId, id, body);
  const { name, ...rest } = body;
  await updateUnit(db, municipalityId, id, { ...rest, ...(name !== undefined && { name: name.trim() }) });
  return loadUnit(db, municipalityId, id);
}

/** 409 UNIT_IN_USE while anything refers to the unit: answers and codes must never lose their unit. */
export async function removeUnit(db: Kysely<DB>, municipalityId: string, id: string): Promise<void> {
  await loadUnit(db, municipalityId, id);
  const inUse = inUseMessage(await unitReferences(db, id));
  if (inUse !== undefined) throw new ApiError('UNIT_IN_USE', inUse);
  await deleteUnit(db, municipalityId, id);
}
