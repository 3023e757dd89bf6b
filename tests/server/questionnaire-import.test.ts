import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/database';
import { findQuestionnaire } from '../../src/server/repositories/questionnaires';
import { importQuestionnaire } from '../../src/server/questionnaire-import';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

const licensed = { ...DEFAULT_QUESTIONNAIRE, version: 'ks-official-2026' };

describeEachDatabase('loading a new questionnaire version', (dialect) => {
  let testDb: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    testDb = await createTestDatabase(dialect);
    db = testDb.connect();
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.close();
    await testDb.dispose();
  });

  it('stores a valid document as a new version, served as it was given', async () => {
    expect(await importQuestionnaire(db.kysely, licensed)).toEqual({ ok: true, version: 'ks-official-2026' });
    expect(await findQuestionnaire(db.kysely, 'ks-official-2026')).toEqual(licensed);
  });

  it('never overwrites a stored version, whose statement ids answers refer to', async () => {
    await importQuestionnaire(db.kysely, licensed);
    const changed = {
      ...licensed,
      statements: licensed.statements.map((s) => ({ ...s, factor: 'autonomi' })),
    };
    const outcome = await importQuestionnaire(db.kysely, changed);
    expect(outcome.ok).toBe(false);
    expect(await findQuestionnaire(db.kysely, 'ks-official-2026')).toEqual(licensed);
  });

  it('refuses a document with unknown factors, duplicate ids, gaps or missing texts, storing nothing', async () => {
    const [first, second, ...rest] = licensed.statements;
    const broken = {
      ...licensed,
      statements: [
        { ...first!, factor: 'lykke' },
        { ...second!, id: first!.id, order: 40, text: { ...second!.text, nn: ' ' } },
        ...rest,
      ],
    };
    const outcome = await importQuestionnaire(db.kysely, broken);
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'Statement ids must be unique',
        'Statement orders must be 1, 2, 3 … without gaps',
        `Statement ${first!.id}: unknown factor "lykke"`,
        `statement ${first!.id}: no nn text`,
      ]),
    );
    expect(await findQuestionnaire(db.kysely, 'ks-official-2026')).toBeUndefined();
  });

  it('refuses statement ids with spaces, line breaks, control characters or over 64 characters', async () => {
    const ids = ['s 01', 's01\nx', 's01\u0000', 'x'.repeat(65), ''];
    const outcome = await importQuestionnaire(db.kysely, {
      ...licensed,
      statements: licensed.statements.map((s, i) => ({ ...s, id: ids[i] ?? s.id })),
    });
    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    for (const id of ids) {
      expect(problems).toContain(
        `Statement id ${JSON.stringify(id)}: 1 to 64 letters, digits, '.', '_' or '-'`,
      );
    }
    expect(await findQuestionnaire(db.kysely, 'ks-official-2026')).toBeUndefined();
    expect(
      await importQuestionnaire(db.kysely, {
        ...licensed,
        statements: licensed.statements.map((s, i) => (i === 0 ? { ...s, id: 'KS-2026_q.1' } : s)),
      }),
    ).toEqual({ ok: true, version: 'ks-official-2026' });
  });
});
