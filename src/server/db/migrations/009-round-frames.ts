// A round's reporting frame, frozen when it opens (issue 11): round_frames keeps the report
// settings as they were at opening, round_frame_units the round's unit tree as it stood (name,
// unit type, employee count, open kiosk mode, parent within the frame and a stable position).
// rounds.open_answer_threshold is the separate, higher threshold for open answers (default 10,
// never below the round's threshold).
//
// Backfill: every round already open, closed or published gets a frame from today's tree, the best
// that exists; its settings are the round's own. The walk is written out here rather than imported,
// so this migration keeps doing exactly what it did when it shipped.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

const PAGE = 200;
const DEFAULT_OPEN_ANSWER_THRESHOLD = 10;

type BackfillTables = {
  rounds: {
    id: string;
    municipality_id: string;
    unit_id: string;
    status: string;
    threshold: number;
    open_question_enabled: number;
    background_enabled: number;
    open_answer_threshold: number;
  };
  units: {
    id: string;
    municipality_id: string;
    parent_id: string | null;
    name: string;
    unit_type: string | null;
    employee_count: number | null;
    open_kiosk: number;
  };
  round_frames: {
    round_id: string;
    threshold: number;
    open_question_enabled: number;
    background_enabled: number;
    open_answer_threshold: number;
    root_is_municipality: number;
  };
  round_frame_units: {
    round_id: string;
    unit_id: string;
    parent_id: string | null;
    name: string;
    unit_type: string | null;
    employee_count: number | null;
    open_kiosk: number;
    position: number;
  };
};

export const migration009: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    const flag = (name: string) => sql.raw(`${name} in (0, 1)`);

    await db.schema
      .alterTable('rounds')
      .addColumn('open_answer_threshold', 'integer', (c) =>
        c.notNull().defaultTo(DEFAULT_OPEN_ANSWER_THRESHOLD),
      )
      .execute();

    await db.schema
      .createTable('round_frames')
      .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id'))
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('open_question_enabled', 'integer', (c) => c.notNull().check(flag('open_question_enabled')))
      .addColumn('background_enabled', 'integer', (c) => c.notNull().check(flag('background_enabled')))
      .addColumn('open_answer_threshold', 'integer', (c) => c.notNull())
      .addColumn('root_is_municipality', 'integer', (c) => c.notNull().check(flag('root_is_municipality')))
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('round_frame_units')
      .addColumn('round_id', 'text', (c) => c.notNull().references('round_frames.round_id'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit_type', 'text')
      .addColumn('employee_count', 'integer')
      .addColumn('open_kiosk', 'integer', (c) => c.notNull().check(flag('open_kiosk')))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('round_frame_units_pk', ['round_id', 'unit_id'])
      .modifyEnd(withoutRowid)
      .execute();
    // A round that was made is found by the units of its frame (the previous round of a unit).
    await db.schema.createIndex('round_frame_units_unit').on('round_frame_units').column('unit_id').execute();

    await backfill(db.withTables<BackfillTables>());
  },
};

async function backfill(db: Kysely<BackfillTables>): Promise<void> {
  // A round whose threshold is above the default keeps open answers at its own threshold.
  await db
    .updateTable('rounds')
    .set({ open_answer_threshold: sql<number>`threshold` })
    .where('threshold', '>', DEFAULT_OPEN_ANSWER_THRESHOLD)
    .execute();
  const rounds = await db
    .selectFrom('rounds')
    .selectAll()
    .where('status', 'in', ['open', 'closed', 'published'])
    .orderBy('id')
    .execute();
  const treeOf = new Map<string, BackfillTables['units'][]>();
  for (const round of rounds) {
    let units = treeOf.get(round.municipality_id);
    if (!units) {
      units = await db
        .selectFrom('units')
        .selectAll()
        .where('municipality_id', '=', round.municipality_id)
        .orderBy('id')
        .execute();
      treeOf.set(round.municipality_id, units);
    }
    const root = units.find((u) => u.id === round.unit_id);
    await db
      .insertInto('round_frames')
      .values({
        round_id: round.id,
        threshold: Number(round.threshold),
        open_question_enabled: Number(round.open_question_enabled) === 1 ? 1 : 0,
        background_enabled: Number(round.background_enabled) === 1 ? 1 : 0,
        open_answer_threshold: Number(round.open_answer_threshold),
        root_is_municipality: root !== undefined && root.parent_id === null ? 1 : 0,
      })
      .execute();
    const rows = walk(round.id, round.unit_id, units);
    for (let i = 0; i < rows.length; i += PAGE) {
      await db
        .insertInto('round_frame_units')
        .values(rows.slice(i, i + PAGE))
        .execute();
    }
  }
}

/** The root and everything below it, depth first, parents first, siblings by id; a cycle ends the walk. */
function walk(
  roundId: string,
  rootId: string,
  units: readonly BackfillTables['units'][],
): BackfillTables['round_frame_units'][] {
  const children = new Map<string, BackfillTables['units'][]>();
  for (const u of units) {
    if (u.parent_id === null) continue;
    const list = children.get(u.parent_id) ?? [];
    list.push(u);
    children.set(u.parent_id, list);
  }
  const root = units.find((u) => u.id === rootId);
  if (!root) return [];
  const out: BackfillTables['round_frame_units'][] = [];
  const seen = new Set<string>();
  const stack: { unit: BackfillTables['units']; parentId: string | null }[] = [
    { unit: root, parentId: null },
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { unit, parentId } = next;
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    out.push({
      round_id: roundId,
      unit_id: unit.id,
      parent_id: parentId,
      name: unit.name,
      unit_type: unit.unit_type,
      employee_count: unit.employee_count === null ? null : Number(unit.employee_count),
      open_kiosk: Number(unit.open_kiosk) === 1 ? 1 : 0,
      position: out.length,
    });
    const below = [...(children.get(unit.id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = below.length - 1; i >= 0; i--) stack.push({ unit: below[i]!, parentId: unit.id });
  }
  return out;
}
