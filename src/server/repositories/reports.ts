// Owns reading what reports are computed from: the aggregate counts of rounds, loaded into the
// RoundData the pure computation reads (../reports/model.ts), in a fixed handful of queries however
// many units or rounds there are. The only read of response rows is openAnswerTexts, which selects
// the bare texts and nothing else.
import { sql, type Kysely } from 'kysely';
import type { Questionnaire } from '../../shared/questionnaire/types';
import type { Database, DialectName } from '../db/database';
import type { DB } from '../db/schema';
import type { BackgroundGroupCounts, GroupCounts, RoundData, UnitNode } from '../reports/model';
import { findQuestionnaires } from './questionnaires';
import type { RoundRecord } from './rounds';

/** Keeps each IN list well under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_STATEMENT = 500;

type MutableCounts = { responses: number; statements: Record<string, number[]> };

function zeroCounts(statementIds: readonly string[]): MutableCounts {
  return { responses: 0, statements: Object.fromEntries(statementIds.map((id) => [id, [0, 0, 0, 0, 0, 0]])) };
}

/** Adds one stored count; a statement or value the questionnaire does not know is left out. */
function addCount(counts: MutableCounts, statementId: string, value: number, count: number): void {
  const values = counts.statements[statementId];
  if (values && value >= 0 && value <= 5) values[value] = (values[value] ?? 0) + count;
}

interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  unit_type: string | null;
}

/** The round's unit and everything below it, parents first. A cycle or a missing root ends the walk. */
function roundTree(rootId: string, units: ReadonlyMap<string, UnitRow>, children: Map<string, string[]>) {
  const out: UnitRow[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    const unit = units.get(id);
    if (!unit || seen.has(id)) return;
    seen.add(id);
    out.push(unit);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(rootId);
  return out;
}

async function unitsOf(db: Kysely<DB>, municipalityIds: readonly string[]) {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'unit_type'])
    .where('municipality_id', 'in', [...new Set(municipalityIds)])
    .orderBy('id')
    .execute();
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (row.parent_id === null) continue;
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row.id);
    else children.set(row.parent_id, [row.id]);
  }
  return { units: new Map(rows.map((row) => [row.id, row])), children };
}

/**
 * The counts of a group as one JSON array of [statement id, value, count], aggregated in the
 * database: a report reads tens of thousands of counts, and handing them over as rows costs several
 * times more than one document per unit. The only SQL here that differs between the dialects.
 */
function countEntries(dialect: DialectName) {
  return dialect === 'sqlite'
    ? sql<unknown>`json_group_array(json_array(statement_id, value, count))`
    : sql<unknown>`json_agg(json_build_array(statement_id, value, count))`;
}

/** SQLite hands the JSON over as text, PostgreSQL's driver already parsed. */
function parseEntries(entries: unknown): CountEntry[] {
  return (typeof entries === 'string' ? JSON.parse(entries) : entries) as CountEntry[];
}

type CountEntry = [statementId: string, value: number, count: number];

function addEntries(counts: MutableCounts, entries: unknown): void {
  for (const [statementId, value, count] of parseEntries(entries))
    addCount(counts, statementId, Number(value), Number(count));
}

function countsOf(database: Database, roundIds: readonly string[]) {
  return database.kysely
    .selectFrom('aggregate_counts')
    .select(['round_id', 'unit_id', countEntries(database.dialect).as('entries')])
    .where('round_id', 'in', [...roundIds])
    .groupBy(['round_id', 'unit_id'])
    .execute();
}

function totalsOf(db: Kysely<DB>, roundIds: readonly string[]) {
  return db
    .selectFrom('aggregate_totals')
    .select(['round_id', 'unit_id', 'responses'])
    .where('round_id', 'in', [...roundIds])
    .execute();
}

async function backgroundOf(database: Database, roundIds: readonly string[]) {
  const db = database.kysely;
  const counts = await db
    .selectFrom('background_counts')
    .select(['round_id', 'question_id', 'option_value', countEntries(database.dialect).as('entries')])
    .where('round_id', 'in', [...roundIds])
    .groupBy(['round_id', 'question_id', 'option_value'])
    .execute();
  const totals = await db
    .selectFrom('background_totals')
    .select(['round_id', 'question_id', 'option_value', 'responses'])
    .where('round_id', 'in', [...roundIds])
    .execute();
  return { counts, totals };
}

type CountRows = Awaited<ReturnType<typeof countsOf>>;
type BackgroundRows = Awaited<ReturnType<typeof backgroundOf>>;

interface CachedRound {
  /** What the counts were read at: every stored answer changes its round's totals. */
  fingerprint: string;
  counts: CountRows;
  background?: BackgroundRows;
}

/** Rounds' counts kept per open database, the most recently used last. */
const countCache = new WeakMap<Database, Map<string, CachedRound>>();
const CACHED_ROUNDS = 64;

/**
 * The totals of a round as one string. Ingest adds to aggregate_counts, background_counts and
 * aggregate_totals in one transaction, so counts read when the totals said this are still the
 * counts while they say it: a cache keyed on it never serves figures older than the answers, in
 * this process or after another process stored some.
 */
function fingerprints(totals: Awaited<ReturnType<typeof totalsOf>>): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const t of totals) {
    const list = parts.get(t.round_id) ?? [];
    list.push(`${t.unit_id}:${Number(t.responses)}`);
    parts.set(t.round_id, list);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort().join('|')]));
}

/** Forgets the cached counts of a database: for measuring the cost of a first read (npm run bench). */
export function forgetCachedCounts(database: Database): void {
  countCache.delete(database);
}

/**
 * The count rows (and, with `background`, the background rows) of each round: from the cache when
 * its totals have not changed since, else from the database in one query per kind for all the
 * rounds that need it. Reading counts is most of what a report costs; a published round's never
 * change, so most reports read only the totals.
 */
async function roundCounts(
  database: Database,
  roundIds: readonly string[],
  prints: ReadonlyMap<string, string>,
  background: boolean,
): Promise<Map<string, CachedRound>> {
  const cache = countCache.get(database) ?? new Map<string, CachedRound>();
  countCache.set(database, cache);
  const fingerprintOf = (id: string) => prints.get(id) ?? '';
  const fresh = (id: string) => {
    const hit = cache.get(id);
    return hit && hit.fingerprint === fingerprintOf(id) && (!background || hit.background) ? hit : undefined;
  };
  const stale = roundIds.filter((id) => !fresh(id));
  if (stale.length > 0) {
    const counts = await countsOf(database, stale);
    const rows = background ? await backgroundOf(database, stale) : undefined;
    for (const id of stale) {
      cache.set(id, {
        fingerprint: fingerprintOf(id),
        counts: counts.filter((c) => c.round_id === id),
        ...(rows && {
          background: {
            counts: rows.counts.filter((c) => c.round_id === id),
            totals: rows.totals.filter((t) => t.round_id === id),
          },
        }),
      });
    }
  }
  const out = new Map<string, CachedRound>();
  for (const id of roundIds) {
    const entry = cache.get(id)!;
    // Most recently used last; the least recently used goes first when the cache is full.
    cache.delete(id);
    cache.set(id, entry);
    out.set(id, entry);
  }
  while (cache.size > CACHED_ROUNDS) cache.delete(cache.keys().next().value!);
  return out;
}

/** The background groups of one round, in the questionnaire's order of questions and options. */
function backgroundGroups(
  q: Questionnaire,
  statementIds: readonly string[],
  rows: Awaited<ReturnType<typeof backgroundOf>>,
  roundId: string,
): BackgroundGroupCounts[] {
  const groups = new Map<string, BackgroundGroupCounts & { counts: MutableCounts }>();
  const group = (questionId: string, value: string) => {
    const key = `${questionId}\u0000${value}`;
    const found = groups.get(key) ?? { questionId, value, counts: zeroCounts(statementIds) };
    groups.set(key, found);
    return found;
  };
  for (const t of rows.totals) {
    if (t.round_id === roundId) group(t.question_id, t.option_value).counts.responses += Number(t.responses);
  }
  for (const c of rows.counts) {
    if (c.round_id === roundId) addEntries(group(c.question_id, c.option_value).counts, c.entries);
  }
  const questionOrder = q.background.map((b) => b.id as string);
  const rank = (g: BackgroundGroupCounts) => {
    const question = q.background.find((b) => b.id === g.questionId);
    const option = question?.options.findIndex((o) => o.value === g.value) ?? -1;
    return [questionOrder.indexOf(g.questionId), option === -1 ? Number.MAX_SAFE_INTEGER : option] as const;
  };
  return [...groups.values()].sort((a, b) => {
    const [qa, oa] = rank(a);
    const [qb, ob] = rank(b);
    return qa - qb || oa - ob || a.value.localeCompare(b.value);
  });
}

/**
 * How much of a round to read. 'totals': how many answered per unit, every statement count left at
 * zero — enough to tell which units are suppressed, not for figures. 'counts': also the statement
 * counts. 'background': also the background groups (only the municipality overview shows them).
 */
export type RoundDetail = 'totals' | 'counts' | 'background';

/**
 * The RoundData of each round, keyed by round id. Answers stored under a unit that has since been
 * moved out of the round's tree are not part of it.
 */
export async function loadRoundsData(
  database: Database,
  rounds: readonly RoundRecord[],
  detail: RoundDetail,
): Promise<Map<string, RoundData>> {
  if (rounds.length === 0) return new Map();
  const db = database.kysely;
  const roundIds = rounds.map((r) => r.id);
  const questionnaires = await findQuestionnaires(
    db,
    rounds.map((r) => r.questionnaireVersion),
  );
  const { units, children } = await unitsOf(
    db,
    rounds.map((r) => r.municipalityId),
  );
  const totals = await totalsOf(db, roundIds);
  const counted =
    detail === 'totals'
      ? new Map<string, CachedRound>()
      : await roundCounts(database, roundIds, fingerprints(totals), detail === 'background');

  const out = new Map<string, RoundData>();
  for (const round of rounds) {
    const questionnaire = questionnaires.get(round.questionnaireVersion);
    if (!questionnaire) throw new Error(`Round ${round.id} refers to a missing questionnaire`);
    const statementIds = questionnaire.statements.map((s) => s.id);
    const tree = roundTree(round.unitId, units, children);
    const own = new Map(tree.map((u) => [u.id, zeroCounts(statementIds)]));
    for (const t of totals) {
      const unit = t.round_id === round.id ? own.get(t.unit_id) : undefined;
      if (unit) unit.responses += Number(t.responses);
    }
    const cached = counted.get(round.id);
    for (const c of cached?.counts ?? []) {
      const unit = own.get(c.unit_id);
      if (unit) addEntries(unit, c.entries);
    }
    const nodes = tree.map((u): UnitNode => ({
      id: u.id,
      parentId: u.id === round.unitId ? null : u.parent_id,
      name: u.name,
      unitType: u.unit_type,
      own: own.get(u.id)! satisfies GroupCounts,
    }));
    out.set(round.id, {
      roundId: round.id,
      municipalityId: round.municipalityId,
      rootUnitId: round.unitId,
      threshold: round.threshold,
      questionnaire,
      units: nodes,
      background: backgroundGroups(
        questionnaire,
        statementIds,
        cached?.background ?? { counts: [], totals: [] },
        round.id,
      ),
    });
  }
  return out;
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
