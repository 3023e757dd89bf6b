// Background figures that are safe across groups (issue 11): per round and unit, how many of the
// unit's own responses gave each background profile (the answers to every background question of
// the questionnaire, a question left out as "declined"), as canonical JSON with the question ids
// sorted: {"age":"25-34","gender":"woman"}. A response that skipped the background part has no
// profile. Every crossing the report rule needs is a sum of these counts: a unit subtree with a
// background group, two groups of different questions, and the cells of all of them at once
// (reports/cross-suppression.ts says why pairs alone are not enough).
//
// The backfill from the stored responses is written out here rather than imported from the ingest
// code (a migration imports nothing above db/), so it keeps doing what it did when it shipped.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

const PAGE = 500;
const DECLINED = 'declined';
const SEP = '\u0000';

type BackfillTables = {
  responses: {
    id: string;
    round_id: string;
    unit_id: string;
    questionnaire_version: string;
    background: string;
  };
  questionnaires: { version: string; content: string };
  background_profiles: { round_id: string; unit_id: string; profile: string; responses: number };
};

export const migration010: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;
    await db.schema
      .createTable('background_profiles')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('background_profiles_pk', ['round_id', 'unit_id', 'profile'])
      .modifyEnd(withoutRowid)
      .execute();
    await backfillProfiles(db.withTables<BackfillTables>());
  },
};

async function backgroundQuestionIds(db: Kysely<BackfillTables>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('questionnaires').select(['version', 'content']).execute();
  const out = new Map<string, string[]>();
  for (const row of rows) {
    let ids: string[] = [];
    try {
      const doc = JSON.parse(row.content) as { background?: { id?: unknown }[] };
      ids = (doc.background ?? []).flatMap((b) => (typeof b.id === 'string' ? [b.id] : []));
    } catch {
      // A document that does not parse names no questions: the profile holds what the response does.
    }
    out.set(row.version, ids);
  }
  return out;
}

/** The same canonical form ingest/aggregate.ts writes. */
function profileOf(questionIds: readonly string[], background: Record<string, string>): string {
  const ids = [...new Set([...questionIds, ...Object.keys(background)])].sort();
  return JSON.stringify(Object.fromEntries(ids.map((id) => [id, background[id] ?? DECLINED])));
}

async function backfillProfiles(db: Kysely<BackfillTables>): Promise<void> {
  const questions = await backgroundQuestionIds(db);
  const counts = new Map<string, number>();
  for (let after = ''; ;) {
    const page = await db
      .selectFrom('responses')
      .select(['id', 'round_id', 'unit_id', 'questionnaire_version', 'background'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      const background = JSON.parse(row.background) as Record<string, string>;
      if (Object.keys(background).length === 0) continue;
      const profile = profileOf(questions.get(row.questionnaire_version) ?? [], background);
      const key = [row.round_id, row.unit_id, profile].join(SEP);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const rows = [...counts].map(([key, responses]) => {
    const [round_id, unit_id, profile] = key.split(SEP) as [string, string, string];
    return { round_id, unit_id, profile, responses };
  });
  for (let i = 0; i < rows.length; i += PAGE) {
    await db
      .insertInto('background_profiles')
      .values(rows.slice(i, i + PAGE))
      .execute();
  }
}
