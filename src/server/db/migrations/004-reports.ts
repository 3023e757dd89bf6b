// Reports: answer counts per background group of a whole round (never per unit: background is
// broken down only for the whole municipality, so no table crosses a small unit with a group), and
// imported national figures per municipality. The background counts of responses stored before
// this migration are filled in from their rows here, by the same rule ingest follows from now on:
// a response that answered the background part counts once per background question of its
// questionnaire, a question it left out as "declined".
//
// The backfill is written out here rather than imported from the ingest code, so this migration
// keeps doing exactly what it did when it shipped.
import { sql, type Kysely } from 'kysely';
import type { DialectMigration } from './dialect-migration';

const PAGE = 500;
const DECLINED = 'declined';
const SEP = '\u0000';

type BackfillTables = {
  responses: {
    id: string;
    round_id: string;
    questionnaire_version: string;
    answers: string;
    background: string;
  };
  questionnaires: { version: string; content: string };
  background_counts: {
    round_id: string;
    question_id: string;
    option_value: string;
    statement_id: string;
    value: number;
    count: number;
  };
  background_totals: { round_id: string; question_id: string; option_value: string; responses: number };
};

export const migration004: DialectMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const withoutRowid = dialect === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema
      .createTable('background_counts')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('option_value', 'text', (c) => c.notNull())
      .addColumn('statement_id', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull().check(sql`value between 0 and 5`))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('background_counts_pk', [
        'round_id',
        'question_id',
        'option_value',
        'statement_id',
        'value',
      ])
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('background_totals')
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('option_value', 'text', (c) => c.notNull())
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('background_totals_pk', ['round_id', 'question_id', 'option_value'])
      .modifyEnd(withoutRowid)
      .execute();

    await db.schema
      .createTable('national_figures')
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipalities.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('unit_type', 'text', (c) => c.notNull())
      .addColumn('factor_id', 'text', (c) => c.notNull())
      // double precision, not real: PostgreSQL's real is a 4-byte float (3.45 would read back 3.4500000477).
      .addColumn('average', 'double precision', (c) => c.notNull().check(sql`average between 1 and 5`))
      .addColumn('source', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('national_figures_pk', ['municipality_id', 'year', 'unit_type', 'factor_id'])
      .modifyEnd(withoutRowid)
      .execute();

    await backfillBackground(db.withTables<BackfillTables>());
  },
};

/** The background question ids of each questionnaire version (none for a document that has none). */
async function backgroundQuestionIds(db: Kysely<BackfillTables>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('questionnaires').select(['version', 'content']).execute();
  const out = new Map<string, string[]>();
  for (const row of rows) {
    let ids: string[] = [];
    try {
      const doc = JSON.parse(row.content) as { background?: { id?: unknown }[] };
      ids = (doc.background ?? []).flatMap((b) => (typeof b.id === 'string' ? [b.id] : []));
    } catch {
      // A document that does not parse names no questions: count only what the responses hold.
    }
    out.set(row.version, ids);
  }
  return out;
}

async function backfillBackground(db: Kysely<BackfillTables>): Promise<void> {
  const questions = await backgroundQuestionIds(db);
  const counts = new Map<string, number>();
  const totals = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  for (let after = ''; ;) {
    const page = await db
      .selectFrom('responses')
      .select(['id', 'round_id', 'questionnaire_version', 'answers', 'background'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      const background = JSON.parse(row.background) as Record<string, string>;
      if (Object.keys(background).length === 0) continue;
      const answers = JSON.parse(row.answers) as Record<string, number | null>;
      const ids = new Set([...(questions.get(row.questionnaire_version) ?? []), ...Object.keys(background)]);
      for (const questionId of ids) {
        const group = [row.round_id, questionId, background[questionId] ?? DECLINED].join(SEP);
        add(totals, group);
        for (const [statementId, answer] of Object.entries(answers)) {
          add(counts, [group, statementId, answer ?? 0].join(SEP));
        }
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }

  const countRows = [...counts].map(([key, count]) => {
    const [round_id, question_id, option_value, statement_id, value] = key.split(SEP) as [
      string,
      string,
      string,
      string,
      string,
    ];
    return { round_id, question_id, option_value, statement_id, value: Number(value), count };
  });
  for (let i = 0; i < countRows.length; i += PAGE) {
    await db
      .insertInto('background_counts')
      .values(countRows.slice(i, i + PAGE))
      .execute();
  }
  const totalRows = [...totals].map(([key, responses]) => {
    const [round_id, question_id, option_value] = key.split(SEP) as [string, string, string];
    return { round_id, question_id, option_value, responses };
  });
  for (let i = 0; i < totalRows.length; i += PAGE) {
    await db
      .insertInto('background_totals')
      .values(totalRows.slice(i, i + PAGE))
      .execute();
  }
}
