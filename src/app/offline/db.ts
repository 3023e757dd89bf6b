// Owns the IndexedDB schema of the PWA: the tables, their versions, and the one connection the
// rest of src/app/offline/ goes through. Nothing outside this folder imports Dexie.
import Dexie, { type Table } from 'dexie';
import type { SubmittedResponse } from '../../shared/api/respondent';
import type { Language } from '../../shared/languages';
import type { LikertValue } from '../../shared/likert';

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
  /** The person's one-time code, normalised; sent with the answer, then used up by the server. */
  code?: string;
  /** Where in the flow the person is, so a reload returns to the same screen. */
  step: string;
  startedAt: number;
  updatedAt: number;
}

/** A finished response waiting to be sent. queuedAt never leaves the device. */
export interface OutboxRow extends SubmittedResponse {
  queuedAt: number;
}

/** A response the server refused, kept with its reason so nothing vanishes silently. */
export interface RejectedRow {
  id: string;
  response: SubmittedResponse;
  code: string;
  message: string;
  rejectedAt: number;
}

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
