// One batch from a device: check every item on its own, store the valid ones in one transaction,
// and answer per item in request order — accepted, duplicate (already stored: also success) or
// rejected with a code. Nothing invalid is stored and nothing stored is changed.
import type { IngestItemResult, SubmittedResponse } from '../../shared/api/respondent';
import type { CodeHasher } from '../codes/code-hasher';
import type { Database } from '../db/database';
import type { KioskRecord } from '../repositories/kiosks';
import { openKioskUnits } from '../repositories/kiosks';
import { unitIdsUnder } from '../repositories/organisation';
import { findQuestionnaires } from '../repositories/questionnaires';
import { findStoredIds } from '../repositories/responses';
import { findRounds } from '../repositories/rounds';
import { parseItem } from './parse-item';
import { storeBatch, type Admitted } from './store-batch';
import { validateResponse, type ValidationContext } from './validate-response';

export interface IngestOptions {
  /** The Oslo date on the server. */
  today: string;
  hasher: CodeHasher;
  /** The enrolled kiosk that sent the batch, if any. */
  kiosk?: KioskRecord;
  /** For failures after the answers are stored (they are not the device's problem). */
  onBackgroundError?: (error: unknown) => void;
}

type Outcome =
  | { kind: 'done'; result: IngestItemResult }
  | { kind: 'store'; id: string; admitted: Admitted }
  /** Rejected on its merits, but maybe already stored by an earlier send whose answer was lost. */
  | { kind: 'rejectedUnlessStored'; result: IngestItemResult & { status: 'rejected' }; storedId: string };

async function loadContext(
  database: Database,
  items: SubmittedResponse[],
  options: IngestOptions,
): Promise<ValidationContext> {
  const db = database.kysely;
  const roundIds = items.map((i) => i.roundId);
  const versions = items.map((i) => i.questionnaireVersion);
  const rounds = await findRounds(db, roundIds);
  const questionnaires = await findQuestionnaires(db, versions);
  const unitsByRound = new Map<string, Set<string>>();
  for (const round of rounds.values()) unitsByRound.set(round.id, await unitIdsUnder(db, round.unitId));
  const { kiosk } = options;
  const context: ValidationContext = { today: options.today, rounds, questionnaires, unitsByRound };
  if (!kiosk) return context;
  const kioskUnitIsOpen = (await openKioskUnits(db, [kiosk.unitId])).has(kiosk.unitId);
  return {
    ...context,
    kiosk: { roundId: kiosk.roundId, unitId: kiosk.unitId, revokedOn: kiosk.revokedOn },
    kioskUnitIsOpen,
  };
}

function classify(
  items: readonly unknown[],
  ctx: ValidationContext,
  parsed: ReturnType<typeof parseItem>[],
): Outcome[] {
  const seen = new Set<string>();
  return items.map((_, index): Outcome => {
    const p = parsed[index]!;
    if (!p.ok)
      return { kind: 'done', result: { id: p.id, status: 'rejected', code: p.code, message: p.message } };
    const id = p.value.id;
    const key = id.toLowerCase();
    if (seen.has(key)) {
      const message = 'The same id appears earlier in this batch';
      return { kind: 'done', result: { id, status: 'rejected', code: 'DUPLICATE_ID_IN_BATCH', message } };
    }
    seen.add(key);
    const v = validateResponse(p.value, ctx);
    if (v.ok) return { kind: 'store', id, admitted: { response: v.response, wayIn: v.wayIn } };
    const result = { id, status: 'rejected' as const, code: v.code, message: v.message };
    return { kind: 'rejectedUnlessStored', result, storedId: key };
  });
}

export async function ingestBatch(
  database: Database,
  items: readonly unknown[],
  options: IngestOptions,
): Promise<{ results: IngestItemResult[]; unknownCodes: number }> {
  const parsed = items.map(parseItem);
  const wellFormed = parsed.flatMap((p) => (p.ok ? [p.value] : []));
  const ctx = await loadContext(database, wellFormed, options);
  const outcomes = classify(items, ctx, parsed);

  const toStore = outcomes.flatMap((o) => (o.kind === 'store' ? [o.admitted] : []));
  const { outcomes: storeOutcomes, unknownCodes } = await storeBatch(
    database,
    options.hasher,
    toStore,
    options.onBackgroundError,
  );
  // A response stored earlier stays a success even if it would be rejected today (say the round
  // has closed since), so a device that missed our first answer does not report it as lost.
  const stored = await findStoredIds(
    database.kysely,
    outcomes.flatMap((o) => (o.kind === 'rejectedUnlessStored' ? [o.storedId] : [])),
  );

  let next = 0;
  const results = outcomes.map((o): IngestItemResult => {
    if (o.kind === 'done') return o.result;
    if (o.kind === 'store') {
      const outcome = storeOutcomes[next++]!;
      return outcome.status === 'rejected'
        ? { id: o.id, status: 'rejected', code: outcome.code, message: outcome.message }
        : { id: o.id, status: outcome.status };
    }
    return stored.has(o.storedId) ? { id: o.result.id, status: 'duplicate' } : o.result;
  });
  return { results, unknownCodes };
}
