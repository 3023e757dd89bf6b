// The wire contract for anonymous reports. Everything here is computed on the server from the
// aggregate counts kept at ingest; no endpoint returns a single answer. A group (a unit with
// everything below it, or a background group) with fewer answers than the round's threshold, or
// whose figures could be worked out by subtraction from other visible figures, comes back as
// `suppressed` with no figures at all (see src/server/reports/suppression.ts for the rule).
//
// Who sees what: admin sees every unit; a leader, union rep or safety rep sees the units they hold
// the role on (with everything below) and the municipality overview (the round's own unit). Leaders
// and reps see a round once it is published; admin also once it is closed and its grace days have
// passed (its figures can no longer change). Open answers go only to a leader, union rep or safety
// rep of the unit (a role on the unit or above it), never to admin as such, and never into exports.
import { Type, type Static } from '@sinclair/typebox';
import {
  Id,
  LanguageSchema,
  literalUnion,
  LocalizedTextSchema,
  MunicipalityLanguageSchema,
  Nullable,
} from './primitives';
import { FACTOR_IDS } from '../factors';

export const FactorIdSchema = literalUnion(FACTOR_IDS);

/** The figures of one factor for one group. */
export const FactorFigureSchema = Type.Object({
  /**
   * 1..5: the mean over the factor's statements of each statement's mean answer (unanswered
   * statements left out), to one decimal: no report API returns more precision than the screen
   * shows (a second decimal could narrow a small group down). So are national and previous.
   */
  average: Type.Number(),
  /** Answers counted (statement answers, not people): the sum over the factor's statements. */
  answers: Type.Integer(),
  /**
   * Shares of "Svært uenig" (index 0) … "Svært enig" (index 4): for each statement the share of
   * its answers, then the mean over the factor's statements. Sums to 1 (±rounding), three decimals
   * (one decimal of a percent, as shown).
   */
  distribution: Type.Array(Type.Number(), { minItems: 5, maxItems: 5 }),
});
export type FactorFigure = Static<typeof FactorFigureSchema>;

export const NATIONAL_SOURCES = ['instance', 'imported', 'none'] as const;
export type NationalSource = (typeof NATIONAL_SOURCES)[number];

export const NationalInfoSchema = Type.Object({
  /**
   * instance: computed from the published rounds of every municipality on this server in the same
   * year, same unit type, each contributing unit under the threshold rule. imported: figures an
   * admin imported (published national figures), used when fewer than
   * MIN_MUNICIPALITIES_FOR_COMPUTED municipalities contribute. none: neither is available.
   */
  source: literalUnion(NATIONAL_SOURCES),
  /** For 'instance': how many municipalities contributed. */
  municipalities: Type.Integer(),
  /** The unit type compared with; null compares with every unit type. */
  unitType: Nullable(Type.String()),
  unitTypeLabel: Nullable(LocalizedTextSchema),
  year: Type.Integer(),
  /** For 'imported': the source named in the file (e.g. "KS 10-FAKTOR 2026"). */
  importedSource: Nullable(Type.String()),
  /**
   * The national release shown (issue 14): its id, version and date; absent or null when the
   * figures are not from a release (imported, none).
   */
  release: Type.Optional(
    Nullable(Type.Object({ id: Type.String(), version: Type.Integer(), releasedAt: Type.String() })),
  ),
});
export type NationalInfo = Static<typeof NationalInfoSchema>;

/** National figures are computed from the instance only when at least this many municipalities contribute. */
export const MIN_MUNICIPALITIES_FOR_COMPUTED = 3;

export const FactorRowSchema = Type.Object({
  factorId: FactorIdSchema,
  /** null: suppressed for this group (too few answers, or it would reveal a smaller group). */
  unit: Nullable(FactorFigureSchema),
  /** The whole round (the municipality); null when suppressed. */
  municipality: Nullable(FactorFigureSchema),
  /** Average only; null when no national figure exists for this factor. */
  national: Nullable(Type.Number()),
  /** The same unit in its previous published round; null without one (or suppressed there). */
  previous: Nullable(Type.Number()),
  /** unit − previous, each rounded to one decimal first, so the table adds up; null without both. */
  change: Nullable(Type.Number()),
});
export type FactorRow = Static<typeof FactorRowSchema>;

export const BackgroundGroupSchema = Type.Object({
  /** An option value of the question, or "declined". */
  value: Type.String(),
  label: LocalizedTextSchema,
  /** false: no figures (too few answers, or complementary suppression). */
  visible: Type.Boolean(),
  /** Answers in the group; null when not visible. */
  responses: Nullable(Type.Integer()),
  /** Per factor in FACTOR_IDS order: the average, or null (suppressed or nothing answered). */
  averages: Type.Array(Nullable(Type.Number())),
});
export type BackgroundGroup = Static<typeof BackgroundGroupSchema>;

export const BackgroundBreakdownSchema = Type.Object({
  questionId: Type.String(),
  label: LocalizedTextSchema,
  groups: Type.Array(BackgroundGroupSchema),
});
export type BackgroundBreakdown = Static<typeof BackgroundBreakdownSchema>;

export const ReportRoundSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  opensOn: Type.String(),
  closesOn: Type.String(),
  status: Type.Union([Type.Literal('closed'), Type.Literal('published')]),
  threshold: Type.Integer(),
  /** Open answers are listed only for groups of at least this many (frozen when the round opened). */
  openAnswerThreshold: Type.Integer(),
  /** The round's own unit: its report is the municipality overview. */
  rootUnitId: Type.String(),
  defaultLanguage: LanguageSchema,
});
export type ReportRound = Static<typeof ReportRoundSchema>;

export const ReportUnitSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
  unitType: Nullable(Type.String()),
});
export type ReportUnit = Static<typeof ReportUnitSchema>;

/** GET /reports/rounds/:roundId/units/:unitId — the report of a unit (the root unit: the municipality). */
export const UnitReportResponseSchema = Type.Object({
  round: ReportRoundSchema,
  unit: ReportUnitSchema,
  municipality: Type.Object({
    id: Type.String(),
    name: Type.String(),
    language: MunicipalityLanguageSchema,
  }),
  /** True for the round's own unit: the municipality overview (the only level with background breakdowns). */
  isMunicipality: Type.Boolean(),
  /** No figures at all: fewer answers than the threshold, or hidden to protect a smaller group. */
  suppressed: Type.Boolean(),
  /** Why, when suppressed: below the threshold, or complementary (to protect another group). */
  suppressedReason: Nullable(Type.Union([Type.Literal('too-few'), Type.Literal('protects-other')])),
  /**
   * null when suppressed. invited: codes issued plus employees of open-kiosk units (null if unknown);
   * rate 0..1 to three decimals (one decimal of a percent).
   */
  responseRate: Nullable(
    Type.Object({
      invited: Nullable(Type.Integer()),
      answered: Type.Integer(),
      rate: Nullable(Type.Number()),
    }),
  ),
  /** Ten rows in FACTOR_IDS order; empty when suppressed. */
  factors: Type.Array(FactorRowSchema),
  national: NationalInfoSchema,
  previousRound: Nullable(Type.Object({ id: Type.String(), name: Type.String(), closesOn: Type.String() })),
  /**
   * Municipality overview of a round of the whole municipality only (else null: a round of one
   * department never shows background); null also when the round asked no background questions.
   * Groups are hidden also where a group and a unit, or two groups, would differ by fewer than the
   * threshold (src/server/reports/cross-suppression.ts).
   */
  background: Nullable(Type.Array(BackgroundBreakdownSchema)),
  /**
   * null: the round had no open question, the caller may not read them, suppressed, or the unit's
   * group is below round.openAnswerThreshold (then openAnswersHidden says so). Otherwise the open
   * answers of the unit and of the units below it whose own answers reach openAnswerThreshold (a
   * smaller sub-unit's are never listed under a parent), in a fresh random order, without dates.
   */
  openAnswers: Nullable(Type.Array(Type.String())),
  /**
   * 'too-few': the caller could read open answers, but the unit's group is below openAnswerThreshold.
   * 'deleted': the round's answer rows, open answers with them, were deleted by retention (issue 15);
   * its figures come from counts and are unchanged.
   */
  openAnswersHidden: Nullable(Type.Union([Type.Literal('too-few'), Type.Literal('deleted')])),
});
export type UnitReportResponse = Static<typeof UnitReportResponseSchema>;

/** GET /reports/rounds/:roundId/heatmap — units in the caller's scope as rows, factors as columns. */
export const HeatmapResponseSchema = Type.Object({
  round: ReportRoundSchema,
  /** The municipality row first (the round's own unit), then the caller's units, parents first. */
  rows: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Type.String(),
      parentId: Nullable(Type.String()),
      /** Depth below the round's own unit (0 for it). */
      depth: Type.Integer(),
      suppressed: Type.Boolean(),
      /** Averages in FACTOR_IDS order; null cells are suppressed. All null when the row is. */
      averages: Type.Array(Nullable(Type.Number())),
    }),
  ),
});
export type HeatmapResponse = Static<typeof HeatmapResponseSchema>;

/** GET /reports/rounds — the rounds whose reports the caller may read now, newest first. */
export const ReportRoundListResponseSchema = Type.Object({
  rounds: Type.Array(
    Type.Object({
      round: ReportRoundSchema,
      /** The units of the round the caller may open a report for (the municipality first), parents first. */
      units: Type.Array(Type.Intersect([ReportUnitSchema, Type.Object({ suppressed: Type.Boolean() })])),
    }),
  ),
});
export type ReportRoundListResponse = Static<typeof ReportRoundListResponseSchema>;

export const ReportParamsSchema = Type.Object({ roundId: Id, unitId: Id });
export const RoundIdParamsSchema = Type.Object({ roundId: Id });

// ---- National figures (admin) --------------------------------------------------------------------

/** unit_type "*" (or empty) in the CSV: the figure for all unit types together. */
export const ALL_UNIT_TYPES = '*';

export const NationalFigureSchema = Type.Object({
  year: Type.Integer(),
  unitType: Type.String(),
  factorId: FactorIdSchema,
  average: Type.Number(),
  source: Type.String(),
});
export type NationalFigure = Static<typeof NationalFigureSchema>;

/** GET /national-figures — what this municipality has imported, sorted by year, type, factor. */
export const NationalFigureListResponseSchema = Type.Object({ figures: Type.Array(NationalFigureSchema) });
export type NationalFigureListResponse = Static<typeof NationalFigureListResponseSchema>;

/**
 * POST /national-figures/import takes the CSV as the body (Content-Type text/csv):
 *   year;unit_type;factor;average;source
 * a header line, then one figure per line; ';' or ','; UTF-8 with or without BOM; a decimal comma
 * or point. unit_type is a code or label, or "*"; factor is an id ("indre-motivasjon") or its
 * number 1..10; average 1..5. Every (year, unit type) pair in the file replaces what was imported
 * for it before. All or nothing: any bad line → 400 CSV_INVALID with every bad line.
 */
export const NationalImportResponseSchema = Type.Object({ imported: Type.Integer() });
export type NationalImportResponse = Static<typeof NationalImportResponseSchema>;
