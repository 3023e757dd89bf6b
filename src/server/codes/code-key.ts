// The start's check of the code key against the database. A key that is missing or not the one
// the codes were hashed with must not be replaced silently: every issued code would become
// "unknown" at once, and nothing would say why. The database keeps the key's fingerprint
// (codeKeyFingerprint, server_meta 'code_key_fingerprint'); at start:
//
// - no fingerprint yet: this key's is stored (a new database, or one from before fingerprints
//   were kept, whose key can only be taken on trust), unless codes exist and no key was found;
// - the same fingerprint: go on;
// - another fingerprint, or no key found, while codes exist: refuse to start, and say what to
//   restore;
// - another fingerprint, no codes issued yet: the new key is taken and said so.
//
// Nothing here prints the key or its fingerprint.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { StartRefused } from '../db/start-refused';
import {
  countIssuedCodes,
  insertServerMetaIfAbsent,
  readServerMeta,
  replaceServerMeta,
} from '../repositories/server-meta';
import { codeKeyFingerprint, type CodeHashKey } from './code-hasher';

export const CODE_KEY_FINGERPRINT = 'code_key_fingerprint';

/** Checks (and on first use stores) the key's fingerprint; throws StartRefused when it may not be used. */
export async function checkCodeHashKey(
  db: Kysely<DB>,
  codeKey: CodeHashKey,
  notice: (message: string) => void,
): Promise<void> {
  const fingerprint = codeKeyFingerprint(codeKey.key);
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await readServerMeta(db, CODE_KEY_FINGERPRINT);
    if (stored === fingerprint) {
      codeKey.save();
      return;
    }
    const codes = await countIssuedCodes(db);
    if (codes > 0 && (codeKey.fresh || stored !== undefined)) throw refusal(codeKey, codes);
    // Another process on the same PostgreSQL may store or replace it at the same moment: only a
    // write that found the row as it was read counts, else read again.
    const wrote =
      stored === undefined
        ? await insertServerMetaIfAbsent(db, CODE_KEY_FINGERPRINT, fingerprint)
        : await replaceServerMeta(db, CODE_KEY_FINGERPRINT, stored, fingerprint);
    if (!wrote) continue;
    codeKey.save();
    if (stored !== undefined) {
      notice(
        `A new code key (${codeKey.origin}) was accepted in place of the previous one: no one-time codes had been issued with it.`,
      );
    } else if (codes > 0) {
      notice(
        `The code key (${codeKey.origin}) is now recorded for the ${codes} one-time codes already issued; from now on the server refuses to start with another key.`,
      );
    }
    return;
  }
  throw new Error('The code key fingerprint kept changing under this start; start again');
}

function refusal(codeKey: CodeHashKey, codes: number): StartRefused {
  const outcome =
    'With any other key every issued code would be "unknown", so tifaktor will not start (nothing was changed).';
  if (codeKey.fresh) {
    const file = codeKey.origin.replace(/^the file /, '');
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
