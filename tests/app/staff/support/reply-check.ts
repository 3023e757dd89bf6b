// Keeps the fake staff API honest: every reply it gives is checked against what the real route
// declares (the TypeBox response schemas in src/shared/api/*, the same ones Fastify serialises
// with) and every error against the one error table. A fake that drifts from the server fails the
// test that used it, naming the route and the first mismatches, instead of letting a screen pass
// against answers the server never gives.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  AuditLogResponseSchema,
  PasswordResetLinkSchema,
  PasswordResetStatusSchema,
} from '../../../../src/shared/api/audit';
import { ERROR_CODES, ERROR_SPECS, ErrorBodySchema, type ErrorCode } from '../../../../src/shared/api/errors';
import {
  AdminRoundSchema,
  CodesSummaryResponseSchema,
  CreateCodesResponseSchema,
  CsvInvalidResponseSchema,
  KioskEnrolmentResponseSchema,
  KioskListItemSchema,
  KioskListResponseSchema,
  MunicipalitySchema,
  RoundListResponseSchema,
  RoundProgressResponseSchema,
  UnitImportResponseSchema,
  UnitListResponseSchema,
  UnitSchema,
  UnitTypeListResponseSchema,
} from '../../../../src/shared/api/organisation';
import {
  ContributeAnswerSchema,
  MeetingLeaderViewSchema,
  MeetingListSchema,
  MeetingResultsSchema,
} from '../../../../src/shared/api/meetings';
import {
  OidcOptionsResponseSchema,
  OidcRoleMappingsSchema,
  OidcSettingsSchema,
} from '../../../../src/shared/api/oidc';
import { STAFF_PATHS } from '../../../../src/shared/api/paths';
import {
  DueListResponseSchema,
  OverviewResponseSchema,
  PlanListResponseSchema,
  PlanSchema,
  PlanSettingsSchema,
  PreviousPlanResponseSchema,
  PublicLinkResponseSchema,
  ResponsibleCandidatesResponseSchema,
} from '../../../../src/shared/api/plans';
import { PreparationListResponseSchema, PreparationPlanSchema } from '../../../../src/shared/api/preparation';
import { ProcessingRecordSchema } from '../../../../src/shared/api/records';
import {
  DeleteRoundResponseSchema,
  MunicipalitySettingsSchema,
  RoundDeletionPreviewSchema,
} from '../../../../src/shared/api/retention';
import {
  HeatmapResponseSchema,
  NationalFigureListResponseSchema,
  NationalImportResponseSchema,
  ReportRoundListResponseSchema,
  UnitReportResponseSchema,
} from '../../../../src/shared/api/reports';
import {
  AccountListResponseSchema,
  AccountSchema,
  SessionResponseSchema,
  SetupStatusResponseSchema,
} from '../../../../src/shared/api/staff';

/** A success status and the schema of its body; `null` for a reply without one (204). */
type Successes = Partial<Record<200 | 201 | 204, TSchema | null>>;

// What each staff route in src/server/routes answers on success, method by method.
const ROUTES: [method: string, path: keyof typeof STAFF_PATHS, successes: Successes][] = [
  ['GET', 'me', { 200: SessionResponseSchema }],
  ['POST', 'login', { 200: SessionResponseSchema }],
  ['POST', 'logout', { 204: null }],
  ['POST', 'logoutAll', { 204: null }],
  ['GET', 'setupStatus', { 200: SetupStatusResponseSchema }],
  ['POST', 'setup', { 200: SessionResponseSchema }],
  ['GET', 'accounts', { 200: AccountListResponseSchema }],
  ['POST', 'accounts', { 201: AccountSchema }],
  ['PUT', 'accountRoles', { 200: AccountSchema }],
  ['DELETE', 'account', { 204: null }],
  // The audit log and staff sessions (issue 15).
  ['GET', 'auditLog', { 200: AuditLogResponseSchema }],
  ['POST', 'auditExports', { 204: null }],
  ['POST', 'accountPasswordReset', { 201: PasswordResetLinkSchema }],
  ['POST', 'accountSessionsEnd', { 204: null }],
  ['GET', 'passwordResetStatus', { 200: PasswordResetStatusSchema }],
  ['POST', 'passwordReset', { 204: null }],
  ['GET', 'municipality', { 200: MunicipalitySchema }],
  ['PUT', 'municipality', { 200: MunicipalitySchema }],
  ['GET', 'unitTypes', { 200: UnitTypeListResponseSchema }],
  ['GET', 'units', { 200: UnitListResponseSchema }],
  ['POST', 'units', { 201: UnitSchema }],
  ['POST', 'unitImport', { 200: UnitImportResponseSchema }],
  ['PATCH', 'unit', { 200: UnitSchema }],
  ['DELETE', 'unit', { 204: null }],
  ['GET', 'rounds', { 200: RoundListResponseSchema }],
  ['POST', 'rounds', { 201: AdminRoundSchema }],
  ['PATCH', 'round', { 200: AdminRoundSchema }],
  ['GET', 'roundProgress', { 200: RoundProgressResponseSchema }],
  ['POST', 'roundTransition', { 200: AdminRoundSchema }],
  ['POST', 'codes', { 201: CreateCodesResponseSchema }],
  ['GET', 'codesSummary', { 200: CodesSummaryResponseSchema }],
  ['POST', 'kioskEnrolments', { 201: KioskEnrolmentResponseSchema }],
  ['GET', 'kiosks', { 200: KioskListResponseSchema }],
  ['POST', 'kioskRevoke', { 200: KioskListItemSchema }],
  ['GET', 'reportRounds', { 200: ReportRoundListResponseSchema }],
  ['GET', 'unitReport', { 200: UnitReportResponseSchema }],
  ['GET', 'heatmap', { 200: HeatmapResponseSchema }],
  ['GET', 'nationalFigures', { 200: NationalFigureListResponseSchema }],
  ['POST', 'nationalImport', { 200: NationalImportResponseSchema }],
  // Follow-up plans: the literal /plans/… routes before /plans/:planId.
  ['GET', 'plans', { 200: PlanListResponseSchema }],
  ['POST', 'plans', { 201: PlanSchema }],
  ['GET', 'planSettings', { 200: PlanSettingsSchema }],
  ['PUT', 'planSettings', { 200: PlanSettingsSchema }],
  ['GET', 'planDue', { 200: DueListResponseSchema }],
  ['GET', 'planOverview', { 200: OverviewResponseSchema }],
  ['GET', 'planPrevious', { 200: PreviousPlanResponseSchema }],
  ['GET', 'plan', { 200: PlanSchema }],
  ['PATCH', 'plan', { 200: PlanSchema }],
  ['POST', 'planTransition', { 200: PlanSchema }],
  ['PUT', 'planConsultation', { 200: PlanSchema }],
  ['POST', 'planConsultationSeen', { 200: PlanSchema }],
  ['POST', 'planFocusFactors', { 201: PlanSchema }],
  ['PATCH', 'planFocusFactor', { 200: PlanSchema }],
  ['DELETE', 'planFocusFactor', { 200: PlanSchema }],
  ['POST', 'planGoals', { 201: PlanSchema }],
  ['PATCH', 'planGoal', { 200: PlanSchema }],
  ['DELETE', 'planGoal', { 200: PlanSchema }],
  ['POST', 'planMeasures', { 201: PlanSchema }],
  ['PATCH', 'planMeasure', { 200: PlanSchema }],
  ['DELETE', 'planMeasure', { 200: PlanSchema }],
  ['POST', 'planReviews', { 201: PlanSchema }],
  ['GET', 'planCandidates', { 200: ResponsibleCandidatesResponseSchema }],
  ['POST', 'planPublicLink', { 201: PublicLinkResponseSchema }],
  ['GET', 'preparation', { 200: PreparationListResponseSchema }],
  ['GET', 'roundPreparation', { 200: PreparationPlanSchema }],
  ['PUT', 'roundPreparation', { 200: PreparationPlanSchema }],
  // Meetings (issue 13): the list, the leader view after each control, a group's contribution.
  ['GET', 'meetings', { 200: MeetingListSchema }],
  ['POST', 'meetings', { 201: MeetingLeaderViewSchema }],
  ['GET', 'meeting', { 200: MeetingLeaderViewSchema }],
  ['POST', 'meetingControl', { 200: MeetingLeaderViewSchema }],
  ['POST', 'meetingContributions', { 200: ContributeAnswerSchema }],
  ['GET', 'meetingResults', { 200: MeetingResultsSchema }],
  ['PUT', 'meetingContributionGroup', { 200: MeetingLeaderViewSchema }],
  ['POST', 'meetingFocus', { 200: MeetingLeaderViewSchema }],
  ['POST', 'meetingMeasures', { 200: MeetingLeaderViewSchema }],
  ['POST', 'meetingReview', { 200: MeetingLeaderViewSchema }],
  ['POST', 'meetingApprove', { 200: MeetingLeaderViewSchema }],
  // The records the law asks for (issue 15).
  ['GET', 'processingRecord', { 200: ProcessingRecordSchema }],
  // Retention and deletion (issue 15).
  ['GET', 'municipalitySettings', { 200: MunicipalitySettingsSchema }],
  ['PUT', 'municipalitySettings', { 200: MunicipalitySettingsSchema }],
  ['GET', 'roundDeletion', { 200: RoundDeletionPreviewSchema }],
  ['DELETE', 'round', { 200: DeleteRoundResponseSchema }],
  // Sign-in through the identity provider (issue 15).
  ['GET', 'oidcOptions', { 200: OidcOptionsResponseSchema }],
  ['GET', 'oidcSettings', { 200: OidcSettingsSchema }],
  ['PUT', 'oidcSettings', { 200: OidcSettingsSchema }],
  ['GET', 'oidcRoleMappings', { 200: OidcRoleMappingsSchema }],
  ['PUT', 'oidcRoleMappings', { 200: OidcRoleMappingsSchema }],
];

const matchers = ROUTES.map(([method, path, successes]) => ({
  method,
  path,
  // '/rounds/:id/progress' → ^/rounds/[^/]+/progress$ ; a literal segment wins over a parameter
  // because the literal routes ('/units/import') come before the parameter ones in ROUTES.
  pattern: new RegExp(`^${STAFF_PATHS[path].replace(/:[A-Za-z]+/g, '[^/]+')}$`),
  successes,
}));

/** A reply the fake gives that the real server could not: the test that caused it fails. */
export class FakeDriftError extends Error {
  override name = 'FakeDriftError';
}

function firstErrors(schema: TSchema, body: unknown): string {
  return [...Value.Errors(schema, body)]
    .slice(0, 3)
    .map((e) => `${e.path || '/'}: ${e.message}`)
    .join('; ');
}

function checkError(where: string, status: number, body: unknown) {
  // The envelope as clients read it (any string code), then the code as this server sends it.
  const code = Value.Check(ErrorBodySchema, body) ? body.error.code : undefined;
  if (code === undefined || !(ERROR_CODES as readonly string[]).includes(code))
    throw new FakeDriftError(`${where}: ${status} without a known error code (${JSON.stringify(body)})`);
  const spec = ERROR_SPECS[code as ErrorCode];
  if (spec.status !== status)
    throw new FakeDriftError(`${where}: ${code} is ${spec.status} on the server, the fake said ${status}`);
  if (code === 'CSV_INVALID' && !Value.Check(CsvInvalidResponseSchema, body))
    throw new FakeDriftError(`${where}: ${firstErrors(CsvInvalidResponseSchema, body)}`);
}

/**
 * Throws a FakeDriftError when `status` and `body` are not an answer the server's route for
 * `method path` (path without the /api/v1 prefix) could give.
 */
export function checkReply(method: string, path: string, status: number, body: unknown): void {
  const where = `${method} ${path}`;
  if (status >= 400) return checkError(where, status, body);
  const route = matchers.find((m) => m.method === method && m.pattern.test(path));
  if (!route) throw new FakeDriftError(`${where}: the server has no such staff route`);
  const schema = route.successes[status as keyof Successes];
  if (schema === undefined)
    throw new FakeDriftError(
      `${where}: the server answers ${Object.keys(route.successes).join('/')}, not ${status}`,
    );
  if (schema === null) {
    if (body !== undefined) throw new FakeDriftError(`${where}: ${status} has no body on the server`);
    return;
  }
  if (!Value.Check(schema, body)) throw new FakeDriftError(`${where}: ${firstErrors(schema, body)}`);
}
