// Owns assembling a round's RoundData (./model.ts) from what the repositories read: the round's
// frozen frame (the unit tree, names, unit types, employee counts and report settings as they were
// when it opened, ../repositories/round-frames.ts), each unit's own totals and counts, and the
// background groups of the whole round. Only a round without a frame (a draft) is read from the
// live tree (walked with the shared unit-tree helpers). The counts come through ./count-cache.ts;
// nothing here writes.
import type { Questionnaire } from '../../shared/questionnaire/types';
import { openAnswerThresholdFor } from '../../shared/rounds';
import { buildTree, flattenTree } from '../../shared/unit-tree';
import type { Database } from '../db/database';
import { addEntries, totalRows, type BackgroundRows } from '../repositories/aggregates';
import { findQuestionnaires } from '../repositories/questionnaires';
import { unitRowsOf, type ReportUnitRow } from '../repositories/reports';
import { findFrames, type FrameUnit, type RoundFrame } from '../repositories/round-frames';
import type { RoundRecord } from '../repositories/rounds';
import { fingerprints, roundCounts, type CachedRound, type UnitCounts } from './count-cache';
import { analyseRound, type RoundAnalysis } from './analyse';
import type {
  BackgroundGroupCounts,
  BackgroundProfileCounts,
  GroupCounts,
  LoadedRoundData,
  UnitNode,
} from './model';

const ZERO_VALUES: readonly number[] = Object.freeze([0, 0, 0, 0, 0, 0]);

/** A unit's own counts of the questionnaire's statements (a statement it does not know is left out). */
function ownCounts(statementIds: readonly string[], stored: UnitCounts | undefined): GroupCounts {
  const statements: Record<string, readonly number[]> = {};
  for (const id of statementIds) statements[id] = stored?.[id] ?? ZERO_VALUES;
  return { responses: 0, statements };
}

/**
 * A draft's frame as it would be frozen now: the round's unit and everything below it in the live
 * tree, parents first, siblings in the order the units were read (by id). A cycle or a missing
 * root ends the walk (the shared tree leaves such units out).
 */
function liveFrame(round: RoundRecord, units: readonly ReportUnitRow[]): RoundFrame {
  const order = new Map(units.map((u, i) => [u.id, i]));
  const items = units.map((row) => ({ id: row.id, parentId: row.parent_id, row }));
  const tree = buildTree(items, {
    rootId: round.unitId,
    compare: (a, b) => order.get(a.id)! - order.get(b.id)!,
  });
  const rows = flattenTree(tree).map((node) => node.item.row);
  return {
    settings: {
      threshold: round.threshold,
      openQuestionEnabled: round.openQuestionEnabled,
      backgroundEnabled: round.backgroundEnabled,
      openAnswerThreshold: round.openAnswerThreshold ?? openAnswerThresholdFor(round.threshold),
    },
    rootIsMunicipality: rows[0]?.id === round.unitId && rows[0].parent_id === null,
    units: rows.map((u): FrameUnit => ({
      id: u.id,
      parentId: u.id === round.unitId ? null : u.parent_id,
      name: u.name,
      unitType: u.unit_type,
      employeeCount: u.employee_count === null ? null : Number(u.employee_count),
      openKiosk: Number(u.open_kiosk) === 1,
    })),
  };
}

/** The background groups of one round, in the questionnaire's order of questions and options. */
function backgroundGroups(
  q: Questionnaire,
  statementIds: readonly string[],
  rows: BackgroundRows,
  roundId: string,
): BackgroundGroupCounts[] {
  const groups = new Map<
    string,
    { questionId: string; value: string; responses: number; stored: Record<string, number[]> }
  >();
  const group = (questionId: string, value: string) => {
    const key = `${questionId}\u0000${value}`;
    const found = groups.get(key) ?? { questionId, value, responses: 0, stored: {} };
    groups.set(key, found);
    return found;
  };
  for (const t of rows.totals) {
    if (t.round_id === roundId) group(t.question_id, t.option_value).responses += Number(t.responses);
  }
  for (const c of rows.counts) {
    if (c.round_id === roundId) addEntries(group(c.question_id, c.option_value).stored, c.entries);
  }
  const questionOrder = q.background.map((b) => b.id as string);
  const rank = (g: Pick<BackgroundGroupCounts, 'questionId' | 'value'>) => {
    const question = q.background.find((b) => b.id === g.questionId);
    const option = question?.options.findIndex((o) => o.value === g.value) ?? -1;
    return [questionOrder.indexOf(g.questionId), option === -1 ? Number.MAX_SAFE_INTEGER : option] as const;
  };
  return [...groups.values()]
    .map(({ questionId, value, responses, stored }) => ({
      questionId,
      value,
      counts: { ...ownCounts(statementIds, stored), responses },
    }))
    .sort((a, b) => {
      const [qa, oa] = rank(a);
      const [qb, ob] = rank(b);
      return qa - qb || oa - ob || a.value.localeCompare(b.value);
    });
}

/** The profiles stored under the round's units (a unit moved out of the tree is not part of it). */
function backgroundProfiles(rows: BackgroundRows, units: ReadonlySet<string>): BackgroundProfileCounts[] {
  return rows.profiles.flatMap((p) =>
    units.has(p.unit_id)
      ? [
          {
            unitId: p.unit_id,
            answers: JSON.parse(p.profile) as Record<string, string>,
            responses: Number(p.responses),
          },
        ]
      : [],
  );
}

/**
 * How much of a round to read. 'totals': how many answered per unit, every statement count left at
 * zero — enough to tell which units are suppressed, not for figures. 'counts': also the statement
 * counts. 'background': also the background groups (only the municipality overview shows them).
 */
export type RoundDetail = 'totals' | 'counts' | 'background';

/**
 * The RoundData of each round, keyed by round id, in a fixed handful of queries however many units
 * or rounds there are. The units, their names and the settings are the round's frame's, so
 * nothing done to the live tree after the round opened changes them; an answer stored under a
 * unit outside the frame is not part of the round.
 */
export async function loadRoundsData(
  database: Database,
  rounds: readonly RoundRecord[],
  detail: RoundDetail,
  options: { cache?: boolean } = {},
): Promise<Map<string, LoadedRoundData>> {
  return (await readRounds(database, rounds, detail, options.cache ?? true)).data;
}

export interface AnalysedRound {
  data: LoadedRoundData;
  analysis: RoundAnalysis;
}

/**
 * Each round loaded as loadRoundsData does and analysed (./analyse.ts analyseRound). The analysis
 * of a framed round is made once per fingerprint of its totals and kept with its counts
 * (./count-cache.ts): it is most of what a large municipality's report costs, and its frame and
 * questionnaire are frozen. A round loaded with background groups also serves a request for counts.
 * Callers never change what they get.
 */
export async function analysedRounds(
  database: Database,
  rounds: readonly RoundRecord[],
  detail: 'counts' | 'background',
): Promise<Map<string, AnalysedRound>> {
  const { data, counted, framed } = await readRounds(database, rounds, detail, true);
  const out = new Map<string, AnalysedRound>();
  for (const [id, loaded] of data) {
    const entry = counted.get(id);
    const kept = entry && framed.has(id) ? entry.analyses : undefined;
    const found = kept?.background ?? (detail === 'counts' ? kept?.counts : undefined);
    const made = found ?? { data: loaded, analysis: analyseRound(loaded) };
    if (kept && !found) kept[detail] = made;
    out.set(id, made);
  }
  return out;
}

async function readRounds(
  database: Database,
  rounds: readonly RoundRecord[],
  detail: RoundDetail,
  keep: boolean,
): Promise<{
  data: Map<string, LoadedRoundData>;
  counted: Map<string, CachedRound>;
  framed: ReadonlySet<string>;
}> {
  if (rounds.length === 0) return { data: new Map(), counted: new Map(), framed: new Set() };
  const db = database.kysely;
  const roundIds = rounds.map((r) => r.id);
  const questionnaires = await findQuestionnaires(
    db,
    rounds.map((r) => r.questionnaireVersion),
  );
  const frames = await findFrames(db, roundIds);
  const unframed = rounds.filter((r) => !frames.has(r.id));
  const units = await unitRowsOf(
    db,
    unframed.map((r) => r.municipalityId),
  );
  const totals = await totalRows(db, roundIds);
  const prints = fingerprints(totals);
  const counted =
    detail === 'totals'
      ? new Map<string, CachedRound>()
      : await roundCounts(database, roundIds, prints, detail === 'background', keep);

  const out = new Map<string, LoadedRoundData>();
  for (const round of rounds) {
    const questionnaire = questionnaires.get(round.questionnaireVersion);
    if (!questionnaire) throw new Error(`Round ${round.id} refers to a missing questionnaire`);
    const statementIds = questionnaire.statements.map((s) => s.id);
    const frame = frames.get(round.id) ?? liveFrame(round, units);
    const tree = frame.units;
    const cached = counted.get(round.id);
    // The cached counts are shared by every report: referred to, never copied or changed.
    const own = new Map(tree.map((u) => [u.id, ownCounts(statementIds, cached?.units.get(u.id))]));
    for (const t of totals) {
      const unit = t.round_id === round.id ? own.get(t.unit_id) : undefined;
      if (unit) unit.responses += Number(t.responses);
    }
    const nodes = tree.map((u): UnitNode => ({
      id: u.id,
      parentId: u.parentId,
      name: u.name,
      unitType: u.unitType,
      own: own.get(u.id)! satisfies GroupCounts,
    }));
    const backgroundRead = cached?.background ?? { counts: [], totals: [], profiles: [] };
    out.set(round.id, {
      roundId: round.id,
      municipalityId: round.municipalityId,
      rootUnitId: round.unitId,
      threshold: frame.settings.threshold,
      questionnaire,
      units: nodes,
      background: backgroundGroups(questionnaire, statementIds, backgroundRead, round.id),
      frameIsMunicipality: frame.rootIsMunicipality,
      backgroundProfiles: backgroundProfiles(backgroundRead, new Set(own.keys())),
      settings: frame.settings,
      staffing: new Map(tree.map((u) => [u.id, { employeeCount: u.employeeCount, openKiosk: u.openKiosk }])),
      countsFingerprint: prints.get(round.id) ?? '',
    });
  }
  return { data: out, counted, framed: new Set(frames.keys()) };
}
