// One batch from a device: check every item on its own, store the valid ones in one transaction,
// and answer per item in request order — accepted, duplicate (already stored: also success) or
// rejected with a code. Nothing invalid is stored and nothing stored is changed; every final
// rejection is counted (count-rejections.ts) in the same transaction.
import { daysBetween, isIsoDate } from '../../shared/dates';
import type { ErrorCode } from '../../shared/api/errors';
import type { IngestItemResult, SubmittedResponse } from '../../shared/api/respondent';
import { findUnstorableText } from '../../shared/text';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import { giveBackAllowance, takeAllowance } from '../kiosks/revoked-allowance';
import type { KioskRecord } from '../repositories/kiosks';
import { openKioskUnits } from '../repositories/kiosks';
import { findQuestionnaires } from '../repositories/questionnaires';
import { roundUnitIds } from '../repositories/round-frames';
import { findRounds } from '../repositories/rounds';
import { placeIn, type RejectionPlace } from './count-rejections';
import { toCodeRounds } from './code-round';
import { parseItem } from './parse-item';
import { findStoredIds, storeBatch, type Admitted, type PreRejected } from './store-batch';
import { validateResponse, type ValidationContext } from './validate-response';

export interface IngestOptions {
  /** The Oslo date on the server. */
  today: string;
  /** The device's own date when it sent the batch (IngestRequest.deviceToday), if it said. */
  deviceToday?: string;
  hasher: CodeHasher;
  /** The enrolled kiosk that sent the batch, if any. */
  kiosk?: KioskRecord;
  /** The seal key the round keys are wrapped with (../release/seal-key.ts). */
  sealKey: Uint8Array;
}

type Rejected = IngestItemResult & { status: 'rejected' };

type Outcome =
  | { kind: 'done'; result: IngestItemResult; count?: PreRejected }
  | { kind: 'store'; id: string; admitted: Admitted }
  /** Rejected on its merits, but maybe already stored by an earlier send whose answer was lost. */
  | { kind: 'rejectedUnlessStored'; result: Rejected; count: PreRejected & { storedId: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A field of a raw item, if it is text that may be looked up in SQL. */
function textField(item: unknown, key: 'roundId' | 'unitId'): string | undefined {
  const value =
    typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.length <= 100 && findUnstorableText(value) === undefined
    ? value
    : undefined;
}

async function loadContext(
  database: Database,
  items: readonly unknown[],
  wellFormed: SubmittedResponse[],
  options: IngestOptions,
): Promise<ValidationContext> {
  const db = database.kysely;
  // Rounds named by malformed items too: their rejections are counted for their round.
  // And the rounds of the codes (./code-round.ts), which well-formed items now name.
  const roundIds = [
    ...new Set([...items.flatMap((i) => textField(i, 'roundId') ?? []), ...wellFormed.map((i) => i.roundId)]),
  ];
  const versions = wellFormed.map((i) => i.questionnaireVersion);
  const rounds = await findRounds(db, roundIds);
  const questionnaires = await findQuestionnaires(db, versions);
  const unitsByRound = new Map<string, Set<string>>();
  // The round's frozen frame once it has opened: an answer for a unit added below it later is refused.
  for (const round of rounds.values()) unitsByRound.set(round.id, await roundUnitIds(db, round));
  const { kiosk } = options;
  const context: ValidationContext = {
    today: options.today,
    ...(options.deviceToday !== undefined &&
      isIsoDate(options.deviceToday) && { clockShiftDays: daysBetween(options.deviceToday, options.today) }),
    rounds,
    questionnaires,
    unitsByRound,
  };
  if (!kiosk) return context;
  const kioskUnitIsOpen = (await openKioskUnits(db, [kiosk.unitId])).has(kiosk.unitId);
  return {
    ...context,
    kiosk: { roundId: kiosk.roundId, unitId: kiosk.unitId, revokedOn: kiosk.revokedOn },
    kioskUnitIsOpen,
  };
}

/** Where a rejection of this raw item is counted: undefined when its round is unknown. */
function placeOf(item: unknown, ctx: ValidationContext, unitId?: string): RejectionPlace | undefined {
  const roundId = textField(item, 'roundId');
  const round = roundId === undefined ? undefined : ctx.rounds.get(roundId);
  if (!round) return undefined;
  return placeIn(round, ctx.unitsByRound.get(round.id), unitId ?? textField(item, 'unitId'), ctx.today);
}

function classify(
  items: readonly unknown[],
  ctx: ValidationContext,
  parsed: ReturnType<typeof parseItem>[],
): Outcome[] {
  const seen = new Set<string>();
  return items.map((item, index): Outcome => {
    const p = parsed[index]!;
    if (!p.ok) {
      const id = UUID.test(p.id) ? p.id.toLowerCase() : undefined;
      const count = { id, place: placeOf(item, ctx), reason: p.code, storedId: undefined };
      return {
        kind: 'done',
        result: { id: p.id, status: 'rejected', code: p.code, message: p.message },
        count,
      };
    }
    const id = p.value.id;
    const key = id.toLowerCase();
    if (seen.has(key)) {
      const message = 'The same id appears earlier in this batch';
      return { kind: 'done', result: { id, status: 'rejected', code: 'DUPLICATE_ID_IN_BATCH', message } };
    }
    seen.add(key);
    const v = validateResponse(p.value, ctx);
    // Counted where the answer belongs: its code's round (./code-round.ts), else the one it named.
    const place = placeOf(p.value, ctx);
    if (v.ok) {
      const stored = placeOf(p.value, ctx, v.response.unitId)!;
      return { kind: 'store', id, admitted: { response: v.response, wayIn: v.wayIn, place: stored } };
    }
    const result = { id, status: 'rejected' as const, code: v.code, message: v.message };
    return { kind: 'rejectedUnlessStored', result, count: { id: key, place, reason: v.code, storedId: key } };
  });
}

function rejectedUnlessStored(o: Outcome & { kind: 'store' }, code: ErrorCode, message: string): Outcome {
  const key = o.admitted.response.id;
  const count = { id: key, place: o.admitted.place, reason: code, storedId: key };
  return { kind: 'rejectedUnlessStored', result: { id: o.id, status: 'rejected', code, message }, count };
}

/**
 * A revoked kiosk's answers without a code get in only as far as its allowance goes (see
 * ../kiosks/revoked-allowance.ts): taken here, before the transaction, for the answers not stored
 * yet (a resend of a stored one costs nothing), oldest in the batch first. The rest are refused.
 * Returns the ids the allowance was taken for.
 */
async function applyRevokedAllowance(
  database: Database,
  outcomes: Outcome[],
  kiosk: KioskRecord | undefined,
  hasher: CodeHasher,
): Promise<Set<string>> {
  const needing = outcomes.flatMap((o, i) =>
    o.kind === 'store' && o.admitted.wayIn.kind === 'kiosk' && o.admitted.wayIn.revoked ? [i] : [],
  );
  if (!kiosk || needing.length === 0) return new Set();
  const idOf = (i: number) => (outcomes[i] as Outcome & { kind: 'store' }).admitted.response.id;
  const stored = await findStoredIds(database.kysely, hasher, needing.map(idOf));
  const fresh = needing.filter((i) => !stored.has(idOf(i)));
  const granted = await takeAllowance(database.kysely, kiosk.id, fresh.length);
  const message = `This tablet was revoked on ${kiosk.revokedOn}; it has delivered what it had waiting`;
  for (const i of fresh.slice(granted)) {
    outcomes[i] = rejectedUnlessStored(outcomes[i] as Outcome & { kind: 'store' }, 'KIOSK_REVOKED', message);
  }
  return new Set(fresh.slice(0, granted).map(idOf));
}

export async function ingestBatch(
  database: Database,
  items: readonly unknown[],
  options: IngestOptions,
): Promise<{ results: IngestItemResult[]; unknownCodes: number }> {
  // A coded answer belongs to its code's round, whatever round the device named.
  const parsed = await toCodeRounds(database.kysely, options.hasher, items.map(parseItem));
  const wellFormed = parsed.flatMap((p) => (p.ok ? [p.value] : []));
  const ctx = await loadContext(database, items, wellFormed, options);
  const outcomes = classify(items, ctx, parsed);
  const allowanceTaken = await applyRevokedAllowance(database, outcomes, options.kiosk, options.hasher);

  const toStore = outcomes.flatMap((o) => (o.kind === 'store' ? [o.admitted] : []));
  const rejected = outcomes.flatMap((o) => (o.kind !== 'store' && o.count ? [o.count] : []));
  let store: Awaited<ReturnType<typeof storeBatch>>;
  try {
    store = await storeBatch(database, options.hasher, toStore, {
      today: options.today,
      rejected,
      sealKey: options.sealKey,
    });
  } catch (error) {
    // Nothing was stored: the kiosk keeps what it had (the device sends the batch again).
    if (options.kiosk && allowanceTaken.size > 0) {
      await giveBackAllowance(database.kysely, options.kiosk.id, allowanceTaken.size).catch(() => undefined);
    }
    throw error;
  }

  let next = 0;
  let notStored = 0;
  const results = outcomes.map((o): IngestItemResult => {
    if (o.kind === 'done') return o.result;
    if (o.kind === 'store') {
      const outcome = store.outcomes[next++]!;
      if (outcome.status !== 'accepted' && allowanceTaken.has(o.admitted.response.id)) notStored += 1;
      return outcome.status === 'rejected'
        ? { id: o.id, status: 'rejected', code: outcome.code, message: outcome.message }
        : { id: o.id, status: outcome.status };
    }
    // A response stored earlier stays a success even if it would be rejected today (say the round
    // has closed since), so a device that missed our first answer does not report it as lost.
    return store.storedRejected.has(o.count.storedId) ? { id: o.result.id, status: 'duplicate' } : o.result;
  });
  // A racing batch stored one of them first: this one did not need its allowance.
  if (options.kiosk && notStored > 0) await giveBackAllowance(database.kysely, options.kiosk.id, notStored);
  return { results, unknownCodes: store.unknownCodes };
}
