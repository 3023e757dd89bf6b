// Owns the reading of rows back from IndexedDB. Rows are untrusted: an older app version, a
// browser bug or a curious hand in devtools may have left anything there, so every read goes
// through these functions and only well-formed values come out.
import type { CurrentRoundResponse, SubmittedResponse } from '../../shared/api/respondent';
import { DEFAULT_LANGUAGE, isLanguage } from '../../shared/languages';
import { isLikertValue, type LikertValue } from '../../shared/likert';
import type { CodeProof } from './code-proof';
import { DRAFT_KEY, type DraftRow } from './db';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** A stored proof of a one-time code (code-proof.ts): salt and hash, both non-empty. */
export function isCodeProof(value: unknown): value is CodeProof {
  if (!isRecord(value)) return false;
  return nonEmptyString(value.salt) && nonEmptyString(value.hash);
}

// Object.fromEntries defines own properties, so a stored "__proto__" key cannot reach a prototype.
export function normaliseAnswers(value: unknown): Record<string, LikertValue | null> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, LikertValue | null] =>
        entry[0].length > 0 && (entry[1] === null || isLikertValue(entry[1])),
    ),
  );
}

/** Background answers without empty values: absent means "not asked or skipped". */
export function normaliseBackground(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => entry[0].length > 0 && nonEmptyString(entry[1]),
    ),
  );
}

/** The draft row, or undefined when it is too broken to belong to a round. */
export function normaliseDraft(row: unknown): DraftRow | undefined {
  if (!isRecord(row)) return undefined;
  const { roundId, unitId, questionnaireVersion, startedAt, updatedAt } = row;
  if (!nonEmptyString(roundId) || !nonEmptyString(unitId) || !nonEmptyString(questionnaireVersion)) {
    return undefined;
  }
  // Without a trustworthy updatedAt the idle rule cannot clear it for someone else: drop it.
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return undefined;
  // An older version kept the one-time code in clear: such a draft can prove nobody, so it goes.
  if (row.code !== undefined) return undefined;
  // A broken proof must not turn a coded draft into one that opens without a code.
  if (row.codeProof !== undefined && !isCodeProof(row.codeProof)) return undefined;
  return {
    key: DRAFT_KEY,
    roundId,
    unitId,
    questionnaireVersion,
    language: isLanguage(row.language) ? row.language : DEFAULT_LANGUAGE,
    answers: normaliseAnswers(row.answers),
    background: normaliseBackground(row.background),
    openText: typeof row.openText === 'string' ? row.openText : '',
    ...(isCodeProof(row.codeProof)
      ? { codeProof: { salt: row.codeProof.salt, hash: row.codeProof.hash } }
      : {}),
    step: typeof row.step === 'string' ? row.step : '',
    startedAt: typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : updatedAt,
    updatedAt,
  };
}

/**
 * The wire shape of an outbox row: known fields only (the server refuses extra properties, and
 * queuedAt must never leave the device). Values are not repaired: a finished response is what
 * the person sent, and if it is broken the server says why and it lands in `rejected`.
 */
export function toSubmitted(row: Record<string, unknown>): SubmittedResponse {
  const picked = {
    id: row.id,
    roundId: row.roundId,
    unitId: row.unitId,
    questionnaireVersion: row.questionnaireVersion,
    answeredOn: row.answeredOn,
    answers: row.answers,
    background: row.background,
    openText: row.openText,
    code: row.code,
  };
  return picked as SubmittedResponse;
}

/** Enough of a CurrentRoundResponse to run the questionnaire; the server validated the rest. */
export function isCurrentRoundResponse(value: unknown): value is CurrentRoundResponse {
  if (!isRecord(value) || !isRecord(value.round) || !isRecord(value.questionnaire)) return false;
  const { round, questionnaire } = value;
  return (
    nonEmptyString(round.id) &&
    isRecord(round.unit) &&
    nonEmptyString(round.unit.id) &&
    nonEmptyString(round.questionnaireVersion) &&
    nonEmptyString(questionnaire.version) &&
    Array.isArray(questionnaire.statements) &&
    Array.isArray(questionnaire.background) &&
    isRecord(questionnaire.openQuestion)
  );
}
