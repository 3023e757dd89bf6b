// Owns the IndexedDB schema of the PWA: the tables, their versions, and the one connection the
// rest of src/app/offline/ goes through. Nothing outside this folder imports Dexie.
import Dexie, { type Table } from 'dexie';
import type { SubmittedResponse } from '../../shared/api/respondent';
import type { Language } from '../../shared/languages';
import type { LikertValue } from '../../shared/likert';
import type { CodeProof } from './code-proof';
import { TRANSIENT_CODES } from './reasons';
import type { MeetingOutboxRow } from './meeting-outbox-row';

export const DRAFT_KEY = 'current';

/** The one unfinished response on this device. updatedAt is device-only: it drives the idle rule. */
export interface DraftRow {
  key: typeof DRAFT_KEY;
  roundId: string;
  unitId: string;
  questionnaireVersion: string;
  language: Language;
  answers: Record<string, LikertValue | null>;
  background: Record<string, string>;
  openText: string;
  /**
   * Proof of the person's one-time code (a salted slow hash, code-proof.ts), never the code: the
   * code stays in memory and goes into the outbox with the answer. Only the same code opens the
   * draft again after a reload or the start screen. Rows from before held `code` in clear; they
   * are dropped when read (normalise.ts).
   */
  codeProof?: CodeProof;
  /** Where in the flow the person is, so a reload returns to the same screen. */
  step: string;
  startedAt: number;
  updatedAt: number;
}

/**
 * A finished response waiting to be sent. queuedAt and the retry fields never leave the device
 * (toSubmitted picks the wire keys).
 */
export interface OutboxRow extends SubmittedResponse {
  queuedAt: number;
  /**
   * Set only when this response failed on its own while the server took others (a 5xx for it
   * alone, or a transient per-item code such as RATE_LIMITED): how often in a row, the code of
   * the last failure, and when it may be sent again. The others never wait for it.
   */
  failures?: number;
  failureCode?: string;
  retryAt?: number;
}

/**
 * A response the server refused for good (version 2 on): only what the tablet's sync line and the
 * thank-you screen need. No statement values, no background, no open text, no one-time code: the
 * next person on the tablet must never be able to read them, so they are dropped in the same
 * transaction that learns of the refusal.
 */
export interface RejectedRow {
  id: string;
  roundId: string;
  code: string;
  rejectedAt: number;
}

/** What version 1 stored for a refused response (the whole answer): read only by the upgrade. */
interface RejectedRowV1 {
  id: string;
  response?: Partial<SubmittedResponse>;
  code?: unknown;
  rejectedAt?: unknown;
}

/**
 * Codes that version 1 kept as final refusals but that are worth another try: server trouble that
 * passes by itself, and INVALID_DATE, which the server now decides by its own receipt date. The
 * version 2 upgrade puts these answers back in the outbox.
 */
export const RETRY_AFTER_UPGRADE: ReadonlySet<string> = new Set([...TRANSIENT_CODES, 'INVALID_DATE']);

/** The stores whose writes hand an answer over: committed with strict durability (see below). */
const STRICT_STORES: ReadonlySet<string> = new Set(['outbox', 'meetingOutbox']);

export interface MetaRow {
  key: string;
  value: unknown;
}

export class TifaktorDb extends Dexie {
  // `declare`: Dexie creates these properties in version().stores(); a class field would
  // overwrite them with undefined.
  declare draft: Table<DraftRow, string>;
  declare outbox: Table<OutboxRow, string>;
  declare rejected: Table<RejectedRow, string>;
  declare meta: Table<MetaRow, string>;
  declare meetingOutbox: Table<MeetingOutboxRow, string>;

  constructor(name: string) {
    super(name);
    // Never delete or edit a shipped version: add version(2) with an upgrade instead, so a
    // tablet that was offline through several releases still migrates its unsent answers.
    this.version(1).stores({
      // One row under the fixed key 'current': a shared tablet serves one person at a time,
      // so there is never a second draft to pick between (and none to leak).
      draft: 'key',
      // Keyed by the client UUID, the idempotency key, so a retried put can never duplicate.
      // queuedAt is indexed for oldest-first batches without reading the whole store.
      outbox: 'id, queuedAt',
      // Same UUID key, so moving a record here from the outbox is one put and one delete.
      // rejectedAt is indexed to list them in the order they came back.
      rejected: 'id, rejectedAt',
      // Small facts (lastSyncAt, lastSyncError, the cached round) by name.
      meta: 'key',
    });
    // Version 2: a refused answer keeps only its id, round, reason and when (RejectedRow); the
    // ones refused for reasons that pass go back to the outbox (RETRY_AFTER_UPGRADE). Same
    // indexes, so no store is redeclared.
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        const rejected = tx.table<RejectedRowV1 | RejectedRow, string>('rejected');
        const outbox = tx.table<OutboxRow, string>('outbox');
        for (const row of (await rejected.toArray()) as RejectedRowV1[]) {
          const code = typeof row.code === 'string' ? row.code : '';
          const rejectedAt = typeof row.rejectedAt === 'number' ? row.rejectedAt : 0;
          const response = row.response;
          if (RETRY_AFTER_UPGRADE.has(code) && response && typeof response.id === 'string') {
            await outbox.put({ ...(response as SubmittedResponse), queuedAt: rejectedAt });
            await rejected.delete(row.id);
            continue;
          }
          const stripped: RejectedRow = {
            id: String(row.id),
            roundId: typeof response?.roundId === 'string' ? response.roundId : '',
            code,
            rejectedAt,
          };
          await rejected.put(stripped);
        }
      });
    // Version 4: a meeting's contributions written while the phone was offline (meeting-outbox.ts),
    // keyed by their client id so a resend can never make a second one. Version 3 is left to
    // another store under way (see /work/coord: Dexie allows gaps between versions).
    this.version(4).stores({ meetingOutbox: 'id, meetingId' });
    // Strict durability for every write to the outbox: the send (submitDraft), and the settling
    // of a batch. Chrome commits IndexedDB writes "relaxed" by default (reported done before the
    // OS has flushed them), so a power cut right after "Send" could lose the answer; strict waits
    // for the flush. It is only asked for here, not globally (chromeTransactionDurability), because
    // the draft is written on every tap and a flush per tap costs time on a slow tablet, while a
    // lost tap costs one tap. Dexie 4 has no per-transaction option, so a DBCore middleware adds
    // IndexedDB's own `durability` to the transactions that touch these stores.
    this.use({
      stack: 'dbcore',
      name: 'strict-outbox-durability',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(
            stores,
            mode,
            mode === 'readwrite' && stores.some((name) => STRICT_STORES.has(name))
              ? { ...options, durability: 'strict' }
              : options,
          ),
      }),
    });
  }
}

export const DEFAULT_DB_NAME = 'tifaktor';
let current: TifaktorDb | undefined;

/** The connection every module uses; opened lazily by Dexie on first use. */
export function getDb(): TifaktorDb {
  return (current ??= new TifaktorDb(DEFAULT_DB_NAME));
}

/** Switches to a database by name (tests pass a fresh one per test). Closes the previous one. */
export function openDb(name: string = DEFAULT_DB_NAME): TifaktorDb {
  current?.close();
  current = new TifaktorDb(name);
  return current;
}

function isDatabaseClosed(err: unknown): boolean {
  return err instanceof Error && err.name === Dexie.errnames.DatabaseClosed;
}

/**
 * Runs fn against the database, reopening once if the connection was closed under us: iOS closes
 * IndexedDB connections under memory pressure, and a tap must not be lost to that. fn must be
 * safe to run twice (a failed transaction has already rolled back).
 */
export async function withDb<T>(fn: (db: TifaktorDb) => Promise<T>): Promise<T> {
  const db = getDb();
  try {
    return await fn(db);
  } catch (err) {
    if (!isDatabaseClosed(err)) throw err;
    await db.open();
    return fn(db);
  }
}
