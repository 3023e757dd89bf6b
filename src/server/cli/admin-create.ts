// `npm run admin:create -- --username kari --name "Kari Nordmann" [--password …] [--municipality 0301]`
// creates an admin in the same database the server uses (DATA_DIR / DATABASE_URL). Without
// --password it asks twice, without echo; prefer that, because a password on the command line
// ends up in the shell history. The work itself is createAdmin() in ../auth/first-admin.ts.
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAdmin } from '../auth/first-admin';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';

export interface AdminCreateArgs {
  username: string;
  name: string;
  password?: string;
  municipality?: string;
}

const USAGE =
  'Usage: npm run admin:create -- --username <username> --name "<full name>" [--password <password>] [--municipality <id or number>]';

export function parseAdminCreateArgs(argv: readonly string[]): AdminCreateArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      municipality: { type: 'string' },
    },
    strict: true,
  });
  if (values.username === undefined || values.name === undefined) throw new Error(USAGE);
  return { ...values, username: values.username, name: values.name };
}

/**
 * Reads lines from stdin without echoing them: raw mode on a terminal, plain lines from a pipe.
 * Input left over after one line (a pipe delivers both lines at once) is kept for the next.
 */
function hiddenLineReader(): (question: string) => Promise<string> {
  const stdin = process.stdin;
  let pending = '';
  return (question) => {
    process.stdout.write(question);
    return new Promise((resolveLine, reject) => {
      let line = '';
      const finish = (error?: Error) => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        if (stdin.isTTY) stdin.setRawMode(false);
        stdin.pause();
        process.stdout.write('\n');
        if (error) reject(error);
        else resolveLine(line);
      };
      const take = (text: string) => {
        for (let i = 0; i < text.length; i++) {
          const char = text[i]!;
          if (char === '\r' || char === '\n') {
            pending = text.slice(i + (char === '\r' && text[i + 1] === '\n' ? 2 : 1));
            return finish();
          }
          if (char === '\u0003') return finish(new Error('Cancelled'));
          if (char === '\u007f' || char === '\b') line = line.slice(0, -1);
          else line += char;
        }
      };
      const onData = (chunk: Buffer) => take(chunk.toString('utf8'));
      const onEnd = () => finish(line === '' ? new Error('No password given') : undefined);
      const buffered = pending;
      pending = '';
      stdin.on('data', onData);
      stdin.on('end', onEnd);
      if (stdin.isTTY) stdin.setRawMode(true);
      stdin.resume();
      if (buffered !== '') take(buffered);
    });
  };
}

async function askPassword(): Promise<string> {
  const read = hiddenLineReader();
  const password = await read('Password (at least 12 characters): ');
  if ((await read('Repeat the password: ')) !== password) throw new Error('The passwords differ');
  return password;
}

async function main(): Promise<void> {
  const args = parseAdminCreateArgs(process.argv.slice(2));
  const password = args.password ?? (await askPassword());
  const env = process.env;
  const db = openDatabase({
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
  });
  try {
    await migrateToLatest(db);
    const input = {
      username: args.username,
      displayName: args.name,
      password,
      municipality: args.municipality,
    };
    const admin = await createAdmin(db.kysely, input, new Date());
    console.log(
      `Created admin ${admin.username} (${admin.displayName}) in municipality ${admin.municipalityId}.`,
    );
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
    // The messages are written for the person at the terminal; DEBUG=1 shows the whole error.
    console.error(process.env.DEBUG || !(error instanceof Error) ? error : error.message);
    process.exit(1);
  });
}
