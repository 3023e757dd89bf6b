// Owns every read and write of a round's frozen reporting frame (round_frames, round_frame_units):
// freezing the live tree and the report settings when a round opens, and reading them back for
// reports, scope, ingest and codes. A round without a frame (a draft) has its units read from the
// live tree, as before. No rule lives here: when a frame is written is ../rounds/admin-rounds.ts.
import type { Kysely } from 'kysely';
import { buildTree, flattenTree } from '../../shared/unit-tree';
import type { DB } from '../db/schema';
import { fromFlag, toFlag } from './columns';
import { unitIdsUnder } from './organisation';

const ROWS_PER_INSERT = 200;
const IDS_PER_STATEMENT = 500;

/** The report settings as they were when the round opened. */
export interface FrameSettings {
  threshold: number;
  openQuestionEnabled: boolean;
  backgroundEnabled: boolean;
  openAnswerThreshold: number;
}

/** A unit of the frame, as it stood when the round opened. */
export interface FrameUnit {
  id: string;
  /** Within the frame; null for the frame's root. */
  parentId: string | null;
  name: string;
  unitType: string | null;
  employeeCount: number | null;
  openKiosk: boolean;
}

export interface RoundFrame {
  settings: FrameSettings;
  /** The frame's root had no parent when the round opened: the round covers the municipality. */
  rootIsMunicipality: boolean;
  /** Parents first, in the frame's stable order. */
  units: FrameUnit[];
}

/** What a frame is frozen from: the round's root unit, municipality and settings. */
export interface FrameSource extends FrameSettings {
  id: string;
  municipalityId: string;
  unitId: string;
}

/**
 * Writes the round's frame from the live tree as it stands now (call it in the transaction that
 * opens the round). Does nothing when the round already has one.
 */
export async function freezeFrame(db: Kysely<DB>, round: FrameSource): Promise<void> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'unit_type', 'employee_count', 'open_kiosk'])
    .where('municipality_id', '=', round.municipalityId)
    .orderBy('id')
    .execute();
  const root = rows.find((r) => r.id === round.unitId);
  const inserted = await db
    .insertInto('round_frames')
    .values({
      round_id: round.id,
      threshold: round.threshold,
      open_question_enabled: toFlag(round.openQuestionEnabled),
      background_enabled: toFlag(round.backgroundEnabled),
      open_answer_threshold: round.openAnswerThreshold,
      root_is_municipality: toFlag(root !== undefined && root.parent_id === null),
    })
    .onConflict((oc) => oc.column('round_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const tree = buildTree(
    rows.map((row) => ({ id: row.id, parentId: row.parent_id, row })),
    { rootId: round.unitId, compare: (a, b) => order.get(a.id)! - order.get(b.id)! },
  );
  const values = flattenTree(tree).map(({ item: { row } }, position) => ({
    round_id: round.id,
    unit_id: row.id,
    parent_id: row.id === round.unitId ? null : row.parent_id,
    name: row.name,
    unit_type: row.unit_type,
    employee_count: row.employee_count === null ? null : Number(row.employee_count),
    open_kiosk: toFlag(fromFlag(row.open_kiosk)),
    position,
  }));
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('round_frame_units')
      .values(values.slice(i, i + ROWS_PER_INSERT))
      .execute();
  }
}

/** The frames of these rounds, keyed by round id; a round without one (a draft) is left out. */
/** The threshold each round's frame froze, for the rounds that have a frame. */
export async function frameThresholds(
  db: Kysely<DB>,
  roundIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(roundIds)];
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('round_frames')
      .select(['round_id', 'threshold'])
      .where('round_id', 'in', ids.slice(i, i + IDS_PER_STATEMENT))
      .execute();
    for (const r of rows) out.set(r.round_id, Number(r.threshold));
  }
  return out;
}

export async function findFrames(
  db: Kysely<DB>,
  roundIds: readonly string[],
): Promise<Map<string, RoundFrame>> {
  const ids = [...new Set(roundIds)];
  const out = new Map<string, RoundFrame>();
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const slice = ids.slice(i, i + IDS_PER_STATEMENT);
    const frames = await db.selectFrom('round_frames').selectAll().where('round_id', 'in', slice).execute();
    for (const f of frames) {
      out.set(f.round_id, {
        settings: {
          threshold: Number(f.threshold),
          openQuestionEnabled: fromFlag(f.open_question_enabled),
          backgroundEnabled: fromFlag(f.background_enabled),
          openAnswerThreshold: Number(f.open_answer_threshold),
        },
        rootIsMunicipality: fromFlag(f.root_is_municipality),
        units: [],
      });
    }
    if (frames.length === 0) continue;
    const units = await db
      .selectFrom('round_frame_units')
      .selectAll()
      .where('round_id', 'in', slice)
      .orderBy('round_id')
      .orderBy('position')
      .execute();
    for (const u of units) {
      out.get(u.round_id)?.units.push({
        id: u.unit_id,
        parentId: u.parent_id,
        name: u.name,
        unitType: u.unit_type,
        employeeCount: u.employee_count === null ? null : Number(u.employee_count),
        openKiosk: fromFlag(u.open_kiosk),
      });
    }
  }
  return out;
}

/** The unit ids of the round: its frame's, or for a round without one the live tree below its unit. */
export async function roundUnitIds(
  db: Kysely<DB>,
  round: { id: string; unitId: string },
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('round_frame_units')
    .select('unit_id')
    .where('round_id', '=', round.id)
    .execute();
  if (rows.length > 0) return new Set(rows.map((r) => r.unit_id));
  const framed = await db
    .selectFrom('round_frames')
    .select('round_id')
    .where('round_id', '=', round.id)
    .executeTakeFirst();
  return framed ? new Set() : unitIdsUnder(db, round.unitId);
}

/** The units that hold codes, kiosks or kiosk enrolment links of the round. */
export async function unitIdsWithRoundAccess(db: Kysely<DB>, roundId: string): Promise<string[]> {
  const ids = new Set<string>();
  const tables = ['one_time_codes', 'kiosks', 'kiosk_enrolments'] as const;
  for (const table of tables) {
    const rows = await db
      .selectFrom(table)
      .select('unit_id')
      .distinct()
      .where('round_id', '=', roundId)
      .execute();
    for (const r of rows) ids.add(r.unit_id);
  }
  return [...ids].sort();
}
