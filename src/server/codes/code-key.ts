// The start's check of the code key against the database. A key that is missing or not the one
// the database was first used with must never be replaced, silently or not: codes, receipts and
// the guessing limits are all keyed with it, so with another key every issued code would be
// "unknown" and nothing would say why. With several processes on one PostgreSQL, one process with
// a key of its own would hash its codes so that the others do not know them. The database keeps
// the key's fingerprint (codeKeyFingerprint, server_meta 'code_key_fingerprint'); at start:
//
// - no fingerprint yet: this key's is stored with an insert-if-absent (a new database, or one
//   from before fingerprints were kept, whose key can only be taken on trust), unless codes exist
//   and no key was found; when another process stored its own at the same moment, what is stored
//   decides;
// - the same fingerprint: go on;
// - another fingerprint: refuse to start, say which setting to fix, and change nothing — also
//   while no code has been issued yet (changing the key on purpose is then a step of its own).
//
// On PostgreSQL the key must come from CODE_HASH_KEY (requireSharedKeys): a key made in one
// process's DATA_DIR is that process's alone. Nothing here prints the key or its fingerprint.
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { StartRefused } from '../db/start-refused';
import { countIssuedCodes, insertServerMetaIfAbsent, readServerMeta } from '../repositories/server-meta';
import { codeKeyFingerprint, type CodeHashKey } from './code-hasher';

export const CODE_KEY_FINGERPRINT = 'code_key_fingerprint';

/** How an operator makes a key for CODE_HASH_KEY or SEAL_KEY (each takes 32 characters or more). */
export const KEY_COMMAND = 'openssl rand -hex 32';

/**
 * On PostgreSQL every process must hash and seal with the same keys, so neither may be one a
 * process makes for itself in its DATA_DIR: CODE_HASH_KEY must be set, and SEAL_KEY (or
 * SEAL_KEY_FILE naming a file that exists). Checked before the database is opened; one message
 * names every setting that is missing. Throws StartRefused.
 */
export function requireSharedKeys(env: {
  CODE_HASH_KEY?: string | undefined;
  SEAL_KEY?: string | undefined;
  SEAL_KEY_FILE?: string | undefined;
}): void {
  const set = (value: string | undefined) => value !== undefined && value !== '';
  const missing: string[] = [];
  if (!set(env.CODE_HASH_KEY)) missing.push('CODE_HASH_KEY');
  const sealFile = env.SEAL_KEY_FILE;
  const sealFileMissing = !set(env.SEAL_KEY) && set(sealFile) && !existsSync(sealFile!);
  if (!set(env.SEAL_KEY) && !set(sealFile)) missing.push('SEAL_KEY');
  if (missing.length === 0 && !sealFileMissing) return;
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(
      `On PostgreSQL ${missing.join(' and ')} must be set in the environment: several server processes ` +
        'share the database, and a key one process makes for itself in its DATA_DIR would make codes or ' +
        'sealed answers the others cannot read.',
    );
  }
  if (sealFileMissing) {
    parts.push(
      `SEAL_KEY_FILE names ${sealFile}, which does not exist; on PostgreSQL the server does not make a ` +
        'seal key of its own. Set SEAL_KEY, or put the key in that file (64 hex digits).',
    );
  }
  parts.push(
    `Make each key once with \`${KEY_COMMAND}\` (a different one for each setting, 32 characters or ` +
      'more), keep them in your secret store, and give every process the same values. Nothing was changed.',
  );
  throw new StartRefused(parts.join(' '));
}

/** Checks (and on first use stores) the key's fingerprint; throws StartRefused when it may not be used. */
export async function checkCodeHashKey(
  db: Kysely<DB>,
  codeKey: CodeHashKey,
  notice: (message: string) => void,
): Promise<void> {
  const fingerprint = codeKeyFingerprint(codeKey.key);
  let stored = await readServerMeta(db, CODE_KEY_FINGERPRINT);
  const codes = await countIssuedCodes(db);
  if (stored === undefined) {
    if (codes > 0 && codeKey.fresh) throw refusal(codeKey, codes);
    if (await insertServerMetaIfAbsent(db, CODE_KEY_FINGERPRINT, fingerprint)) {
      codeKey.save();
      if (codes > 0) {
        notice(
          `The code key (${codeKey.origin}) is now recorded for the ${codes} one-time codes already issued; from now on the server refuses to start with another key.`,
        );
      }
      return;
    }
    // Another process stored its key's fingerprint a moment ago: that one is the database's key.
    stored = await readServerMeta(db, CODE_KEY_FINGERPRINT);
  }
  if (stored === fingerprint) {
    codeKey.save();
    return;
  }
  throw refusal(codeKey, codes);
}

function refusal(codeKey: CodeHashKey, codes: number): StartRefused {
  const file = codeKey.origin.replace(/^the file /, '');
  if (codes > 0) {
    const outcome =
      'With any other key every issued code would be "unknown", so tifaktor will not start (nothing was changed).';
    if (codeKey.fresh) {
      return new StartRefused(
        `No code key was found: CODE_HASH_KEY is not set and ${file} does not exist, but this database holds ` +
          `${codes} one-time codes made with a key. ${outcome} Restore ${file} (or CODE_HASH_KEY) from the ` +
          'backup taken together with this database, then start again.',
      );
    }
    return new StartRefused(
      `The code key in ${codeKey.origin} is not the one this database's ${codes} one-time codes were made with. ` +
        `${outcome} Put the key from the backup taken together with this database back in ${codeKey.origin}, ` +
        'then start again.',
    );
  }
  const found = codeKey.fresh
    ? `No code key was found: CODE_HASH_KEY is not set and ${file} does not exist, but this database has recorded another key.`
    : `The code key in ${codeKey.origin} is not the one this database has recorded.`;
  return new StartRefused(
    `${found} The first process or start on this database stored its key's fingerprint, and codes, receipts ` +
      'and the guessing limits are keyed with it: a process with another key would issue codes the others ' +
      'call "unknown", so tifaktor will not start (nothing was changed). Give this process the same ' +
      'CODE_HASH_KEY as every other process on this database (or restore the key from the backup taken ' +
      'together with it), then start again. No one-time code has been issued yet: to change the key on ' +
      `purpose, stop every server process, delete the row '${CODE_KEY_FINGERPRINT}' from the table ` +
      'server_meta, and start them all with the new key.',
  );
}
