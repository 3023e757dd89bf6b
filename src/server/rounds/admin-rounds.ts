// Owns the admin's work on rounds: create with the defaults, edit within the state's rules, move
// through the lifecycle, and which rounds a leader sees. Routes authorize and call these; the rules
// themselves are in ./defaults, ./edit-rules and ./lifecycle, the SQL in ../repositories/rounds.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  AdminRound,
  CreateRoundRequest,
  RoundTransition,
  UpdateRoundRequest,
} from '../../shared/api/organisation';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default-v1';
import { ApiError, notFound } from '../api-error';
import type { DB } from '../db/schema';
import { findMunicipality } from '../repositories/municipalities';
import { roundUnitIds } from '../repositories/round-frames';
import { findQuestionnaire, saveQuestionnaire } from '../repositories/questionnaires';
import { findRound, insertRound, listRounds, updateRound, type StoredRound } from '../repositories/rounds';
import { findUnit } from '../repositories/units';
import { withDefaults } from './defaults';
import {
  assertCloseNotPast,
  assertDates,
  assertEditable,
  assertOpenAnswerThreshold,
  openAnswerThresholdChange,
  toChanges,
} from './edit-rules';
import { openRoundWithFrame } from './freeze-frame';
import { planTransition } from './lifecycle';

/** The round as the staff API shows it: the municipality is the caller's own, so it is left out. */
export function toAdminRound({ municipalityId: _, ...round }: StoredRound): AdminRound {
  return round;
}

export async function loadRound(db: Kysely<DB>, municipalityId: string, id: string): Promise<StoredRound> {
  const round = await findRound(db, municipalityId, id);
  if (!round) throw notFound('No such round');
  return round;
}

/** 400 INVALID_REFERENCE for a unit of another municipality or an unknown questionnaire. */
async function assertReferences(
  db: Kysely<DB>,
  municipalityId: string,
  fields: Pick<UpdateRoundRequest, 'unitId' | 'questionnaireVersion'>,
) {
  if (fields.unitId !== undefined && !(await findUnit(db, municipalityId, fields.unitId))) {
    throw new ApiError('INVALID_REFERENCE', `No unit ${fields.unitId}`);
  }
  const version = fields.questionnaireVersion;
  if (version !== undefined && !(await findQuestionnaire(db, version))) {
    throw new ApiError('INVALID_REFERENCE', `No questionnaire ${version}`);
  }
}

/** Newest first; with a scope (a leader's units), only the rounds that reach one of them. */
export async function visibleRounds(
  db: Kysely<DB>,
  municipalityId: string,
  scope?: ReadonlySet<string>,
): Promise<AdminRound[]> {
  const rounds = await listRounds(db, municipalityId);
  if (scope === undefined) return rounds.map(toAdminRound);
  const visible: AdminRound[] = [];
  for (const round of rounds) {
    const covered = await roundUnitIds(db, round);
    if ([...scope].some((id) => covered.has(id))) visible.push(toAdminRound(round));
  }
  return visible;
}

/** A new draft. The built-in questionnaire is stored on first use, when no version is asked for. */
export async function createRound(
  db: Kysely<DB>,
  municipalityId: string,
  request: CreateRoundRequest,
  today: string,
): Promise<AdminRound> {
  const municipality = await findMunicipality(db, municipalityId);
  if (!municipality) throw notFound('No such municipality');
  if (request.questionnaireVersion === undefined) await saveQuestionnaire(db, DEFAULT_QUESTIONNAIRE);
  const round = withDefaults(request, { municipalityId, language: municipality.language, today });
  await assertReferences(db, municipalityId, request);
  assertDates(round);
  assertOpenAnswerThreshold(round);
  const id = randomUUID();
  await insertRound(db, { ...round, id, status: 'draft' });
  return toAdminRound(await loadRound(db, municipalityId, id));
}

export async function editRound(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  request: UpdateRoundRequest,
  today: string,
): Promise<AdminRound> {
  const round = await loadRound(db, municipalityId, id);
  assertEditable(round.status, request);
  const changes = toChanges(request);
  const openAnswerThreshold = openAnswerThresholdChange(round, changes);
  if (openAnswerThreshold !== undefined) changes.openAnswerThreshold = openAnswerThreshold;
  await assertReferences(db, municipalityId, request);
  assertDates({ ...round, ...changes });
  assertCloseNotPast(round.status, changes, today);
  if (!(await updateRound(db, round.id, round.status, changes))) {
    throw new ApiError('ROUND_LOCKED', 'The round changed meanwhile; load it again');
  }
  return toAdminRound(await loadRound(db, municipalityId, round.id));
}

export async function transitionRound(
  db: Kysely<DB>,
  municipalityId: string,
  id: string,
  transition: RoundTransition,
  today: string,
): Promise<AdminRound> {
  const round = await loadRound(db, municipalityId, id);
  const plan = planTransition(round, transition, today);
  const changed =
    transition === 'open'
      ? await openRoundWithFrame(db, round, plan)
      : await updateRound(db, round.id, plan.from, plan.changes, plan.to);
  if (!changed) throw new ApiError('INVALID_TRANSITION', 'The round changed meanwhile; load it again');
  return toAdminRound(await loadRound(db, municipalityId, round.id));
}
