import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { Migrator, sql, type Migration } from 'kysely';
import { migrateToLatest } from '../../src/server/db/migrate';
import { MIGRATIONS } from '../../src/server/db/migrations/registry';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

/** The tables each migration creates: a new migration adds its line. */
const TABLES_BY_MIGRATION: Record<string, string[]> = {
  '001-init': [
    'aggregate_counts',
    'aggregate_totals',
    'municipalities',
    'questionnaires',
    'responses',
    'rounds',
    'units',
  ],
  '002-accounts': ['login_attempts', 'role_assignments', 'sessions', 'setup_tokens', 'users'],
  '003-organisation': [
    'code_check_limits',
    'kiosk_enrolments',
    'kiosks',
    'one_time_codes',
    'refused_counts',
    'unit_types',
  ],
  '004-reports': ['background_counts', 'background_totals', 'national_figures'],
  '005-server-meta': ['readiness_probe', 'server_meta'],
  '006-guess-limits': ['code_guesses', 'login_throttle'],
  '007-ingest-rules': ['rejected_counts', 'rejected_items'],
  // A column only: rounds.name_translations.
  '008-round-names': [],
  // And rounds.open_answer_threshold.
  '009-round-frames': ['round_frame_units', 'round_frames'],
  '010-background-profiles': ['background_profiles'],
  '011-sealed-inbox': ['ingest_receipts', 'round_seal_keys', 'sealed_inbox'],
  '012-follow-up-plans': [
    'plan_focus_factors',
    'plan_goals',
    'plan_measures',
    'plan_public_links',
    'plan_review_items',
    'plan_reviews',
    'plans',
  ],
  '013-round-preparation': ['round_phases'],
  // And municipalities.entry_slug.
  '014-operator': ['operator_sessions', 'operators'],
  '016-national-releases': ['national_release_figures', 'national_releases'],
  '017-meetings': [
    'meeting_ballots',
    'meeting_contributions',
    'meeting_counters',
    'meeting_participants',
    'meeting_vote_dots',
    'meetings',
  ],
  // And the privacy officer role, municipalities' retention settings, sessions.last_seen_at,
  // rounds.published_on and answers_deleted_on.
  '018-audit-and-retention': ['audit_log', 'password_resets'],
  // And users.oidc_subject.
  '019-oidc': ['oidc_logins', 'oidc_providers', 'oidc_role_mappings'],
  '020-background-breakdowns': ['background_breakdowns'],
  // municipalities.controller_contact and dpo_contact only.
  '021-record-contacts': [],
};
/** The tables a later migration drops again. */
const DROPPED_BY_MIGRATION: Record<string, string[]> = {
  '006-guess-limits': ['code_check_limits', 'login_attempts'],
};
const DROPPED = new Set(Object.keys(MIGRATIONS).flatMap((name) => DROPPED_BY_MIGRATION[name] ?? []));
const TABLES = Object.keys(MIGRATIONS)
  .flatMap((name) => TABLES_BY_MIGRATION[name] ?? [`(add ${name} to TABLES_BY_MIGRATION)`])
  .filter((table) => !DROPPED.has(table))
  .sort();

describeEachDatabase('migrations', (dialect) => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    database = testDb.connect();
  });
  afterAll(async () => {
    await database.close();
    await testDb.dispose();
  });

  it('migrates an empty database to the latest schema', async () => {
    expect(await migrateToLatest(database)).toEqual(Object.keys(MIGRATIONS));
    // On PostgreSQL the introspection sees every schema; other test files run side by side in theirs.
    const schema =
      dialect === 'postgres'
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely)).rows[0]
            ?.schema
        : undefined;
    const tables = (await database.kysely.introspection.getTables()).filter((t) => t.schema === schema);
    expect(tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_'))).toEqual(TABLES);
    // unit_types starts with the fixed list (its own test below); every other table starts empty.
    for (const table of TABLES.filter((t) => t !== 'unit_types')) {
      const rows = await database.kysely
        .selectFrom(table as 'units')
        .selectAll()
        .execute();
      expect(rows).toEqual([]);
    }
  });

  it('seeds the extendable list of unit types, codes with labels in nb, nn and en', async () => {
    const types = await database.kysely.selectFrom('unit_types').selectAll().orderBy('code').execute();
    expect(types.map((t) => t.label_nb)).toEqual(
      expect.arrayContaining([
        'Barnehage',
        'Skole barnetrinn',
        'Sykehjem',
        'Hjemmetjeneste',
        'Teknisk',
        'NAV',
      ]),
    );
    expect(types).toHaveLength(10);
    expect(types.every((t) => t.label_nn !== '' && t.label_en !== '')).toBe(true);
  });

  it('runs no migration twice', async () => {
    expect(await migrateToLatest(database)).toEqual([]);
  });

  it('keeps round settings portable: booleans as 0/1 and the documented defaults', async () => {
    const db = database.kysely;
    await db
      .insertInto('municipalities')
      .values({ id: 'm', name: 'M', number: '0301', language: 'nn' })
      .execute();
    await db
      .insertInto('units')
      .values({ id: 'u', municipality_id: 'm', parent_id: null, name: 'U', unit_type: null })
      .execute();
    await db.insertInto('questionnaires').values({ version: 'v', content: '{}' }).execute();
    const round = {
      id: 'r',
      municipality_id: 'm',
      unit_id: 'u',
      name: 'R',
      opens_on: '2026-03-01',
      closes_on: '2026-03-14',
      status: 'draft' as const,
      default_language: 'nn' as const,
      questionnaire_version: 'v',
    };
    await db.insertInto('rounds').values(round).execute();
    const stored = await db.selectFrom('rounds').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      threshold: 5,
      grace_days: 7,
      open_question_enabled: 0,
      background_enabled: 0,
    });
    await expect(
      db
        .insertInto('rounds')
        .values({ ...round, id: 'r2', threshold: 2 })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('rounds')
        .values({ ...round, id: 'r3', background_enabled: 2 })
        .execute(),
    ).rejects.toThrow();
  });

  it('fills the background counts of 004 from the responses stored before it', async () => {
    const before = await createTestDatabase(dialect);
    const old = before.connect();
    try {
      await migrateUpTo(old, '003-organisation');
      const db = old.kysely;
      await db
        .insertInto('municipalities')
        .values({ id: 'm', name: 'M', number: '0301', language: 'nb' })
        .execute();
      await db
        .insertInto('units')
        .values({ id: 'u', municipality_id: 'm', parent_id: null, name: 'U', unit_type: null })
        .execute();
      const questions = { background: [{ id: 'gender' }, { id: 'ageGroup' }] };
      await db
        .insertInto('questionnaires')
        .values({ version: 'v', content: JSON.stringify(questions) })
        .execute();
      await db
        .insertInto('rounds')
        .values({
          id: 'r',
          municipality_id: 'm',
          unit_id: 'u',
          name: 'R',
          opens_on: '2026-03-01',
          closes_on: '2026-03-14',
          status: 'open',
          default_language: 'nb',
          questionnaire_version: 'v',
        })
        .execute();
      const response = (id: string, answer: number | null, background: Record<string, string>) => ({
        id,
        round_id: 'r',
        unit_id: 'u',
        questionnaire_version: 'v',
        answered_on: '2026-03-02',
        answers: JSON.stringify({ s1: answer }),
        background: JSON.stringify(background),
        open_text: null,
      });
      await db
        .insertInto('responses')
        .values([
          response('a', 4, { gender: 'female' }),
          response('b', 2, { gender: 'female', ageGroup: 'under-30' }),
          response('c', null, { gender: 'declined' }),
          response('d', 5, {}),
        ])
        .execute();

      // 004 and every migration after it (later ones may follow in the registry).
      const names = Object.keys(MIGRATIONS);
      expect(await migrateToLatest(old)).toEqual(names.slice(names.indexOf('004-reports')));
      const totals = await db.selectFrom('background_totals').selectAll().execute();
      expect(totals.map((t) => `${t.question_id}/${t.option_value}=${Number(t.responses)}`).sort()).toEqual([
        'ageGroup/declined=2',
        'ageGroup/under-30=1',
        'gender/declined=1',
        'gender/female=2',
      ]);
      const counts = await db.selectFrom('background_counts').selectAll().execute();
      expect(
        counts
          .map((c) => `${c.question_id}/${c.option_value}/${c.statement_id}/${c.value}=${Number(c.count)}`)
          .sort(),
      ).toEqual([
        'ageGroup/declined/s1/0=1',
        'ageGroup/declined/s1/4=1',
        'ageGroup/under-30/s1/2=1',
        'gender/declined/s1/0=1',
        'gender/female/s1/2=1',
        'gender/female/s1/4=1',
      ]);
      // 010: the unit's background profiles, every question named, keys sorted; none for 'd'.
      const profiles = await db.selectFrom('background_profiles').selectAll().execute();
      expect(profiles.map((p) => `${p.unit_id}/${p.profile}=${Number(p.responses)}`).sort()).toEqual([
        'u/{"ageGroup":"declined","gender":"declined"}=1',
        'u/{"ageGroup":"declined","gender":"female"}=1',
        'u/{"ageGroup":"under-30","gender":"female"}=1',
      ]);
    } finally {
      await old.close();
      await before.dispose();
    }
  });

  it('gives every round past draft of 009 a frame from the tree as it stood, with its settings', async () => {
    const before = await createTestDatabase(dialect);
    const old = before.connect();
    try {
      await migrateUpTo(old, '008-round-names');
      const db = old.kysely;
      await db
        .insertInto('municipalities')
        .values({ id: 'm', name: 'M', number: '0301', language: 'nb' })
        .execute();
      const unit = (id: string, parent: string | null, extra: Record<string, unknown> = {}) => ({
        id,
        municipality_id: 'm',
        parent_id: parent,
        name: `Unit ${id}`,
        unit_type: null,
        ...extra,
      });
      // root → b, a (a sorts first) → a1; c is a second top unit.
      for (const u of [
        unit('root', null),
        unit('b', 'root', { employee_count: 7, open_kiosk: 1 }),
        unit('a', 'root', { unit_type: 'skole' }),
        unit('a1', 'a'),
        unit('c', null),
      ]) {
        await db.insertInto('units').values(u).execute();
      }
      await db.insertInto('questionnaires').values({ version: 'v', content: '{}' }).execute();
      const round = (
        id: string,
        status: 'draft' | 'open' | 'published',
        unitId: string,
        threshold: number,
        background: number,
      ) => ({
        id,
        municipality_id: 'm',
        unit_id: unitId,
        name: id,
        opens_on: '2026-03-01',
        closes_on: '2026-03-14',
        status,
        default_language: 'nb' as const,
        questionnaire_version: 'v',
        threshold,
        open_question_enabled: 1,
        background_enabled: background,
      });
      await db
        .insertInto('rounds')
        .values([
          round('published', 'published', 'root', 5, 1),
          round('open-a', 'open', 'a', 12, 0),
          round('draft', 'draft', 'root', 5, 1),
        ])
        .execute();

      const names = Object.keys(MIGRATIONS);
      expect(await migrateToLatest(old)).toEqual(names.slice(names.indexOf('009-round-frames')));
      const frames = await db.selectFrom('round_frames').selectAll().orderBy('round_id').execute();
      expect(
        frames.map((f) => [
          f.round_id,
          Number(f.threshold),
          Number(f.open_question_enabled),
          Number(f.background_enabled),
          Number(f.open_answer_threshold),
          Number(f.root_is_municipality),
        ]),
      ).toEqual([
        // A threshold above the default keeps open answers at the threshold.
        ['open-a', 12, 1, 0, 12, 0],
        ['published', 5, 1, 1, 10, 1],
      ]);
      const units = await db
        .selectFrom('round_frame_units')
        .selectAll()
        .orderBy('round_id')
        .orderBy('position')
        .execute();
      expect(
        units.map((u) =>
          [
            u.round_id,
            u.unit_id,
            u.parent_id,
            u.name,
            u.unit_type,
            u.employee_count,
            Number(u.open_kiosk),
          ].join('|'),
        ),
      ).toEqual([
        'open-a|a||Unit a|skole||0',
        'open-a|a1|a|Unit a1|||0',
        'published|root||Unit root|||0',
        'published|a|root|Unit a|skole||0',
        'published|a1|a|Unit a1|||0',
        'published|b|root|Unit b||7|1',
      ]);
      const thresholds = await db
        .selectFrom('rounds')
        .select(['id', 'open_answer_threshold'])
        .orderBy('id')
        .execute();
      expect(thresholds.map((r) => `${r.id}=${Number(r.open_answer_threshold)}`)).toEqual([
        'draft=10',
        'open-a=12',
        'published=10',
      ]);
    } finally {
      await old.close();
      await before.dispose();
    }
  });
});

/** Runs the registered migrations up to and including `last`, as an older release would have. */
async function migrateUpTo(database: Database, last: string): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    if (name <= last) migrations[name] = { up: (db) => migration.up(db, database.dialect) };
  }
  const schema =
    database.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.kysely)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db: database.kysely,
    ...(schema !== undefined && { migrationTableSchema: schema }),
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error('Migration failed');
}
