// Owns the plain reads a report needs besides the counts (those are ./aggregates.ts): the units of
// the municipalities, staffing per unit, unit type labels, and the open answer texts. The only read
// of response rows is openAnswerTexts, which selects the bare texts and nothing else. Reads only;
// the report is assembled in ../reports/.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Keeps each IN list well under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_STATEMENT = 500;

export interface ReportUnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  unit_type: string | null;
  employee_count: number | null;
  open_kiosk: number;
}

/**
 * Every unit of these municipalities in the live tree, by id: only for a round without a frozen
 * frame (a draft); every other round's units are its frame's (./round-frames.ts).
 */
export async function unitRowsOf(
  db: Kysely<DB>,
  municipalityIds: readonly string[],
): Promise<ReportUnitRow[]> {
  if (municipalityIds.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'unit_type', 'employee_count', 'open_kiosk'])
    .where('municipality_id', 'in', [...new Set(municipalityIds)])
    .orderBy('id')
    .execute();
}

/** Per unit of the round: employees and whether it takes answers from open kiosks without codes. */
export async function staffingOf(
  db: Kysely<DB>,
  unitIds: readonly string[],
): Promise<Map<string, { employeeCount: number | null; openKiosk: boolean }>> {
  const out = new Map<string, { employeeCount: number | null; openKiosk: boolean }>();
  for (let i = 0; i < unitIds.length; i += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'employee_count', 'open_kiosk'])
      .where('id', 'in', unitIds.slice(i, i + IDS_PER_STATEMENT))
      .execute();
    for (const r of rows) {
      const employeeCount = r.employee_count === null ? null : Number(r.employee_count);
      out.set(r.id, { employeeCount, openKiosk: Number(r.open_kiosk) === 1 });
    }
  }
  return out;
}

/** The open answers of a round stored under these units: the texts only, in storage order. */
export async function openAnswerTexts(
  db: Kysely<DB>,
  roundId: string,
  unitIds: readonly string[],
): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < unitIds.length; i += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('responses')
      .select('open_text')
      .where('round_id', '=', roundId)
      .where('unit_id', 'in', unitIds.slice(i, i + IDS_PER_STATEMENT))
      .where('open_text', 'is not', null)
      .execute();
    for (const r of rows) if (r.open_text !== null && r.open_text !== '') texts.push(r.open_text);
  }
  return texts;
}

/** The labels of a unit type; undefined for a code not in the list. */
export async function unitTypeLabel(
  db: Kysely<DB>,
  code: string,
): Promise<{ nb: string; nn: string; en: string } | undefined> {
  const row = await db.selectFrom('unit_types').selectAll().where('code', '=', code).executeTakeFirst();
  return row && { nb: row.label_nb, nn: row.label_nn, en: row.label_en };
}
