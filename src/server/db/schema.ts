// The typed database schema Kysely checks every query against: one file per table in ./tables.
import type { AuditLogTable } from './tables/audit-log';
import type { AggregateCountsTable } from './tables/aggregate-counts';
import type { AggregateTotalsTable } from './tables/aggregate-totals';
import type { BackgroundCountsTable } from './tables/background-counts';
import type { BackgroundProfilesTable } from './tables/background-profiles';
import type { BackgroundTotalsTable } from './tables/background-totals';
import type { CodeGuessesTable } from './tables/code-guesses';
import type { KioskEnrolmentsTable } from './tables/kiosk-enrolments';
import type { KiosksTable } from './tables/kiosks';
import type { LoginThrottleTable } from './tables/login-throttle';
import type {
  MeetingBallotsTable,
  MeetingContributionsTable,
  MeetingCountersTable,
  MeetingParticipantsTable,
  MeetingsTable,
  MeetingVoteDotsTable,
} from './tables/meetings';
import type { MunicipalitiesTable } from './tables/municipalities';
import type { NationalFiguresTable } from './tables/national-figures';
import type { NationalReleaseFiguresTable, NationalReleasesTable } from './tables/national-releases';
import type { BackgroundBreakdownsTable } from './tables/background-breakdowns';
import type { OidcLoginsTable, OidcProvidersTable, OidcRoleMappingsTable } from './tables/oidc';
import type { OneTimeCodesTable } from './tables/one-time-codes';
import type { OperatorSessionsTable, OperatorsTable } from './tables/operators';
import type {
  PlanFocusFactorsTable,
  PlanGoalsTable,
  PlanMeasuresTable,
  PlanPublicLinksTable,
  PlanReviewItemsTable,
  PlanReviewsTable,
  PlansTable,
} from './tables/plans';
import type { PasswordResetsTable } from './tables/password-resets';
import type { QuestionnairesTable } from './tables/questionnaires';
import type { ReadinessProbeTable } from './tables/readiness-probe';
import type { RefusedCountsTable } from './tables/refused-counts';
import type { RejectedCountsTable } from './tables/rejected-counts';
import type { RejectedItemsTable } from './tables/rejected-items';
import type { ResponsesTable } from './tables/responses';
import type { RoleAssignmentsTable } from './tables/role-assignments';
import type { RoundPhasesTable } from './tables/round-phases';
import type { RoundFramesTable, RoundFrameUnitsTable } from './tables/round-frames';
import type { RoundsTable } from './tables/rounds';
import type { IngestReceiptsTable, RoundSealKeysTable, SealedInboxTable } from './tables/sealed-inbox';
import type { ServerMetaTable } from './tables/server-meta';
import type { SessionsTable } from './tables/sessions';
import type { SetupTokensTable } from './tables/setup-tokens';
import type { UnitTypesTable } from './tables/unit-types';
import type { UnitsTable } from './tables/units';
import type { UsersTable } from './tables/users';

export interface DB {
  municipalities: MunicipalitiesTable;
  units: UnitsTable;
  questionnaires: QuestionnairesTable;
  rounds: RoundsTable;
  responses: ResponsesTable;
  aggregate_counts: AggregateCountsTable;
  aggregate_totals: AggregateTotalsTable;
  // 002-accounts
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  // 003-organisation
  unit_types: UnitTypesTable;
  one_time_codes: OneTimeCodesTable;
  refused_counts: RefusedCountsTable;
  kiosks: KiosksTable;
  kiosk_enrolments: KioskEnrolmentsTable;
  // 004-reports
  background_counts: BackgroundCountsTable;
  background_totals: BackgroundTotalsTable;
  national_figures: NationalFiguresTable;
  // 005-server-meta
  server_meta: ServerMetaTable;
  readiness_probe: ReadinessProbeTable;
  // 006-guess-limits (replaces login_attempts and code_check_limits)
  code_guesses: CodeGuessesTable;
  login_throttle: LoginThrottleTable;
  // 007-ingest-rules (and kiosks.revoked_allowance)
  rejected_counts: RejectedCountsTable;
  rejected_items: RejectedItemsTable;
  // 009-round-frames (and rounds.open_answer_threshold)
  round_frames: RoundFramesTable;
  round_frame_units: RoundFrameUnitsTable;
  // 010-background-profiles
  background_profiles: BackgroundProfilesTable;
  // 011-sealed-inbox
  sealed_inbox: SealedInboxTable;
  round_seal_keys: RoundSealKeysTable;
  ingest_receipts: IngestReceiptsTable;
  // 012-follow-up-plans (and municipalities.plan_focus_factors)
  plans: PlansTable;
  plan_focus_factors: PlanFocusFactorsTable;
  plan_goals: PlanGoalsTable;
  plan_measures: PlanMeasuresTable;
  plan_reviews: PlanReviewsTable;
  plan_review_items: PlanReviewItemsTable;
  plan_public_links: PlanPublicLinksTable;
  // 013-round-preparation
  round_phases: RoundPhasesTable;
  // 014-operator (and municipalities.entry_slug)
  operators: OperatorsTable;
  operator_sessions: OperatorSessionsTable;
  // 016-national-releases
  national_releases: NationalReleasesTable;
  national_release_figures: NationalReleaseFiguresTable;
  // 017-meetings
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_contributions: MeetingContributionsTable;
  meeting_counters: MeetingCountersTable;
  meeting_ballots: MeetingBallotsTable;
  meeting_vote_dots: MeetingVoteDotsTable;
  // 018-audit-and-retention
  audit_log: AuditLogTable;
  password_resets: PasswordResetsTable;
  // 019-oidc (and users.oidc_subject)
  oidc_providers: OidcProvidersTable;
  oidc_role_mappings: OidcRoleMappingsTable;
  oidc_logins: OidcLoginsTable;
  // 020-background-breakdowns
  background_breakdowns: BackgroundBreakdownsTable;
}
