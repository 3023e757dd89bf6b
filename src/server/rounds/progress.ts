// Owns how a round's response rate is counted: who counts as invited in a unit, how the rate is
// rounded, and the per-unit table the progress screen shows (over the round's frozen frame once it
// has opened: its units, names, employee counts and open kiosk modes as they were then), with the answers the server refused
// per unit and reason (counted by ../ingest/count-rejections.ts). The report uses invitedIn and
// responseRate too, so both screens give the same number. Reads only counts, never an answer.
import type { Kysely } from 'kysely';
import type { RejectionCount, Unit, UnitProgress } from '../../shared/api/organisation';
import { sortParentsFirst } from '../../shared/unit-tree';
import { frameScope, unitsInScope } from '../auth/scope';
import type { StaffPrincipal } from '../auth/policy';
import type { DB } from '../db/schema';
import { codeCountsByUnit, type CodeCounts } from '../repositories/codes';
import { unitIdsUnder } from '../repositories/organisation';
import { findFrames } from '../repositories/round-frames';
import { rejectedCountsOfRound } from '../repositories/rejections';
import { answeredByUnit, type RoundRecord } from '../repositories/rounds';
import { findUnitsByIds } from '../repositories/units';

/** The rate as a number 0..1 with four decimals; null when nobody is invited. */
export function responseRate(answered: number, invited: number | null): number | null {
  return invited === null || invited === 0 ? null : Math.round((answered / invited) * 10_000) / 10_000;
}

/**
 * Who is invited in a unit itself: an open-kiosk unit takes answers without codes, so its
 * employees are (null when their number is unknown); any other unit, the codes issued for it.
 */
export function invitedIn(unit: { openKiosk: boolean; employeeCount: number | null }, codesIssued: number) {
  return unit.openKiosk ? unit.employeeCount : codesIssued;
}

export interface RoundProgress {
  units: UnitProgress[];
  total: { invited: number; answered: number; rate: number | null };
  /** Refused answers of the round whose unit is not known ('' in the counts). */
  rejectedWithoutUnit: RejectionCount[];
}

/** Refused answers by unit id ('' = unit not known), each list most frequent reason first. */
export type RejectedByUnit = ReadonlyMap<string, readonly RejectionCount[]>;

const NO_CODES: CodeCounts = { issued: 0, used: 0, unknownCode: 0, usedCode: 0 };

/** The table from the counts: units parents first, and a total over what is shown. */
export function progressTable(
  units: readonly Unit[],
  answeredBy: ReadonlyMap<string, number>,
  codes: ReadonlyMap<string, CodeCounts>,
  rejected: RejectedByUnit = new Map(),
): Omit<RoundProgress, 'rejectedWithoutUnit'> {
  const rows = sortParentsFirst(units).map((unit): UnitProgress => {
    const c = codes.get(unit.id) ?? NO_CODES;
    const answered = answeredBy.get(unit.id) ?? 0;
    const invited = invitedIn(unit, c.issued);
    return {
      unitId: unit.id,
      parentId: unit.parentId,
      name: unit.name,
      openKiosk: unit.openKiosk,
      invited,
      answered,
      rate: responseRate(answered, invited),
      codesIssued: c.issued,
      codesUsed: c.used,
      refused: { unknownCode: c.unknownCode, usedCode: c.usedCode },
      rejected: [...(rejected.get(unit.id) ?? [])],
    };
  });
  const invited = rows.reduce((s, u) => s + (u.invited ?? 0), 0);
  const answered = rows.reduce((s, u) => s + u.answered, 0);
  return { units: rows, total: { invited, answered, rate: responseRate(answered, invited) } };
}

/**
 * The units of the round a leader's progress shows: their units and those below them in the
 * round's frame once it has opened (a unit moved below theirs later is not theirs in this round),
 * in the live tree for a draft.
 */
export async function leaderProgressScope(
  db: Kysely<DB>,
  staff: StaffPrincipal,
  round: Pick<RoundRecord, 'id'>,
): Promise<Set<string>> {
  const frame = (await findFrames(db, [round.id])).get(round.id);
  return frame ? frameScope(staff, frame.units, ['leader']) : unitsInScope(db, staff, ['leader']);
}

/**
 * Per unit of the round (only those in `scope` when given: a leader's own units). The refusals
 * with no unit are shown to whoever sees the round's own unit (the admin, or its leader).
 */
export async function roundProgress(
  db: Kysely<DB>,
  round: Pick<RoundRecord, 'id' | 'unitId'>,
  scope?: ReadonlySet<string>,
): Promise<RoundProgress> {
  const frame = (await findFrames(db, [round.id])).get(round.id);
  const inRound = frame ? frame.units.map((u) => u.id) : [...(await unitIdsUnder(db, round.unitId))];
  const ids = inRound.filter((id) => scope === undefined || scope.has(id));
  if (ids.length === 0) {
    return { units: [], total: { invited: 0, answered: 0, rate: null }, rejectedWithoutUnit: [] };
  }
  const shown = new Set(ids);
  const units = frame ? frame.units.filter((u) => shown.has(u.id)) : await findUnitsByIds(db, ids);
  const rejected = await rejectedCountsOfRound(db, round.id);
  const table = progressTable(
    units,
    await answeredByUnit(db, round.id),
    await codeCountsByUnit(db, round.id),
    rejected,
  );
  const seesRound = scope === undefined || scope.has(round.unitId);
  return { ...table, rejectedWithoutUnit: seesRound ? [...(rejected.get('') ?? [])] : [] };
}
