// Owns the draft: the one unfinished response on the device. Every tap is written here before
// the screen moves on (the UI awaits each call), so a reload, crash or app update loses nothing.
import type { Round } from '../../shared/api/respondent';
import type { Language } from '../../shared/languages';
import { isLikertValue, type LikertValue } from '../../shared/likert';
import { DRAFT_KEY, getDb, type DraftRow } from './db';
import { NoDraftError } from './errors';
import { normaliseDraft } from './normalise';
import { guardWrite } from './storage';

// The proof of a code (PBKDF2 over WebCrypto) is a chunk of its own: it is needed only when a
// person begins with a code or opens a draft again, and preloadCodeProof() fetches it right after
// the first render (main.tsx), so it is there, offline too, before anyone presses Start.
const loadCodeProof = () => import('./code-proof');

/** Fetches the code-proof chunk now (main.tsx, after the first render). */
export function preloadCodeProof(): void {
  loadCodeProof().catch(() => undefined);
}

export type Draft = Omit<DraftRow, 'key'>;
/** What a draft needs from the round; a CurrentRoundResponse's `round` fits. */
export type DraftRound = Pick<Round, 'id' | 'questionnaireVersion'> & { unit: Pick<Round['unit'], 'id'> };
export interface WriteOptions {
  /** ms since epoch; injectable for tests. */
  now?: number;
}

function toDraft({ key, ...draft }: DraftRow): Draft {
  void key; // the fixed row key is storage detail, not part of the draft
  return draft;
}

/** The current draft as stored, normalised, without the idle rule (for live display). */
export async function readDraft(): Promise<Draft | undefined> {
  const row = normaliseDraft(await getDb().draft.get(DRAFT_KEY));
  return row && toDraft(row);
}

/**
 * The draft to offer for restore, or undefined. A draft untouched for longer than maxAgeMs
 * belongs to someone who walked away: it is deleted, never offered. A draft "from the future"
 * by more than maxAgeMs (the tablet's clock was set back) is treated the same way, or it would
 * outlive the idle rule.
 */
export async function loadDraft({
  maxAgeMs,
  now = Date.now(),
}: {
  maxAgeMs: number;
  now?: number;
}): Promise<Draft | undefined> {
  return guardWrite(async (db) => {
    const stored = await db.draft.get(DRAFT_KEY);
    const row = normaliseDraft(stored);
    if (row && Math.abs(now - row.updatedAt) <= maxAgeMs) return toDraft(row);
    if (stored !== undefined) await db.draft.delete(DRAFT_KEY);
    return undefined;
  });
}

/**
 * Starts a new draft for this round, replacing any previous one. With a code (normalised) the
 * draft keeps only a proof of it (code-proof.ts); the caller keeps the code and hands it to
 * submitDraft.
 */
export async function startDraft(
  round: DraftRound,
  language: Language,
  { now = Date.now(), step = 'start', code }: WriteOptions & { step?: string; code?: string } = {},
): Promise<Draft> {
  const codeProof = code ? await (await loadCodeProof()).proveCode(code) : undefined;
  const row: DraftRow = {
    key: DRAFT_KEY,
    roundId: round.id,
    unitId: round.unit.id,
    questionnaireVersion: round.questionnaireVersion,
    language,
    answers: {},
    background: {},
    openText: '',
    ...(codeProof ? { codeProof } : {}),
    step,
    startedAt: now,
    updatedAt: now,
  };
  await guardWrite((db) => db.draft.put(row));
  return toDraft(row);
}

/** Read-modify-write in one transaction, so two quick taps cannot overwrite each other. */
async function patchDraft(change: (row: DraftRow) => Partial<Draft>, now = Date.now()): Promise<Draft> {
  return guardWrite((db) =>
    db.transaction('rw', db.draft, async () => {
      const row = normaliseDraft(await db.draft.get(DRAFT_KEY));
      if (!row) throw new NoDraftError();
      const next: DraftRow = { ...row, ...change(row), key: DRAFT_KEY, updatedAt: now };
      await db.draft.put(next);
      return toDraft(next);
    }),
  );
}

/** null records "seen and left unanswered". */
export function saveAnswer(
  statementId: string,
  value: LikertValue | null,
  { now }: WriteOptions = {},
): Promise<Draft> {
  if (statementId === '' || (value !== null && !isLikertValue(value))) {
    return Promise.reject(new RangeError(`Not an answer: ${statementId}=${String(value)}`));
  }
  return patchDraft((row) => ({ answers: { ...row.answers, [statementId]: value } }), now);
}

/** undefined (or '') removes the answer: absent means skipped. */
export function saveBackground(
  id: string,
  value: string | undefined,
  { now }: WriteOptions = {},
): Promise<Draft> {
  return patchDraft((row) => {
    const background = Object.fromEntries(Object.entries(row.background).filter(([key]) => key !== id));
    return { background: value ? { ...background, [id]: value } : background };
  }, now);
}

/** Stored as typed; trimmed only when the response is finished. */
export function saveOpenText(openText: string, { now }: WriteOptions = {}): Promise<Draft> {
  return patchDraft(() => ({ openText }), now);
}

export function saveLanguage(language: Language, { now }: WriteOptions = {}): Promise<Draft> {
  return patchDraft(() => ({ language }), now);
}

export function saveStep(step: string, { now }: WriteOptions = {}): Promise<Draft> {
  return patchDraft(() => ({ step }), now);
}

/** Deletes the draft (after "Ferdig", on idle timeout, on "start over"). */
export async function wipeDraft(): Promise<void> {
  await guardWrite((db) => db.draft.delete(DRAFT_KEY));
}

/** Whether this (normalised) code is the one the draft was begun with; false for a draft without one. */
export async function draftMatchesCode(draft: Draft, code: string): Promise<boolean> {
  return draft.codeProof ? (await loadCodeProof()).matchesCode(code, draft.codeProof) : false;
}
