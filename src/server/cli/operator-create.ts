// `OPERATOR_PASSWORD=… npm run operator:create -- --username drift --name "Drift KS"` creates an
// operator account of the hosting organisation (issue 14) in the database the server uses
// (DATA_DIR / DATABASE_URL). The password comes from OPERATOR_PASSWORD or, without it, from the
// first line on stdin (`… < passwordfile`), never from the command line, which shell history
// keeps. The work itself is createOperator() in ../operator/operator.ts.
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../shared/api/staff';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createOperator } from '../operator/operator';

const USAGE =
  'Usage: OPERATOR_PASSWORD=<password> npm run operator:create -- --username <username> --name "<name>" (or the password as the first line on stdin)';

export function parseOperatorCreateArgs(argv: readonly string[]): { username: string; name: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: { username: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (values.username === undefined || values.name === undefined) throw new Error(USAGE);
  return { username: values.username, name: values.name };
}

async function firstStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const args = parseOperatorCreateArgs(process.argv.slice(2));
  const password = process.env.OPERATOR_PASSWORD ?? (await firstStdinLine());
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw new Error(`The password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  const env = process.env;
  const db = openDatabase({
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
  });
  try {
    await migrateToLatest(db);
    const created = await createOperator(
      db.kysely,
      { username: args.username, displayName: args.name, password },
      new Date(),
    );
    console.log(`Created operator ${created.username}. It signs in through /api/v1/operator/login.`);
  } finally {
    await db.close();
  }
}

function isEntryModule(): boolean {
  const entry = process.argv[1];
  return !!entry && existsSync(entry) && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
}

if (isEntryModule()) {
  main().catch((error: unknown) => {
    console.error(process.env.DEBUG || !(error instanceof Error) ? error : error.message);
    process.exit(1);
  });
}
