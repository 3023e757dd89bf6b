// `npm run questionnaire:import -- statements.json`: stores a new questionnaire version (for
// example the licensed official statements) in the database the server uses (DATA_DIR or
// DATABASE_URL). A round then picks the version; no code changes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { importQuestionnaire } from '../questionnaire-import';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run questionnaire:import -- <questionnaire.json>');
  process.exit(2);
}
const db = openDatabase({
  dataDir: resolve(process.env.DATA_DIR ?? './data'),
  databaseUrl: process.env.DATABASE_URL || undefined,
});
try {
  await migrateToLatest(db);
  const outcome = await importQuestionnaire(db.kysely, JSON.parse(readFileSync(file, 'utf8')));
  if (outcome.ok) console.log(`Stored questionnaire version ${outcome.version}.`);
  else {
    console.error(`Not stored:\n- ${outcome.problems.join('\n- ')}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
