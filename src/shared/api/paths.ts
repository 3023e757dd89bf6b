// Owns the API's addresses: the version prefix and every route path, written once. The server
// registers these patterns under API_PREFIX; the PWA's two HTTP clients (respondent and staff)
// fill them with apiPath(), which also encodes every parameter. A path that changes here changes
// for both sides, and TypeScript names the parameters each pattern needs.

// The prefix, the respondent's paths and apiPath live in respondent-paths.ts, so the respondent's
// first load carries none of the staff paths (src/app/connection imports that file directly).
export { API_PREFIX, apiPath, RESPONDENT_PATHS, type PathParams } from './respondent-paths';

/** Staff routes: session cookie, and the CSRF header on every change. */
export const STAFF_PATHS = {
  login: '/auth/login',
  logout: '/auth/logout',
  logoutAll: '/auth/logout-all',
  me: '/auth/me',
  password: '/auth/password',
  setup: '/auth/setup',
  setupStatus: '/auth/setup/:token',
  accounts: '/accounts',
  account: '/accounts/:id',
  accountRoles: '/accounts/:id/roles',
  municipality: '/municipality',
  unitTypes: '/unit-types',
  units: '/units',
  unit: '/units/:id',
  unitImport: '/units/import',
  rounds: '/rounds',
  round: '/rounds/:id',
  roundTransition: '/rounds/:id/:transition',
  roundProgress: '/rounds/:id/progress',
  /** The round's progress plan (src/shared/api/preparation.ts): GET for every staff role, PUT for admin. */
  roundPreparation: '/rounds/:id/preparation',
  /** The progress plans of every round that reaches the caller's units. */
  preparation: '/preparation',
  codes: '/rounds/:roundId/units/:unitId/codes',
  codesSummary: '/rounds/:roundId/units/:unitId/codes/summary',
  kioskEnrolments: '/rounds/:roundId/units/:unitId/kiosk-enrolments',
  kiosks: '/kiosks',
  kioskRevoke: '/kiosks/:id/revoke',
  reportRounds: '/reports/rounds',
  unitReport: '/reports/rounds/:roundId/units/:unitId',
  heatmap: '/reports/rounds/:roundId/heatmap',
  nationalFigures: '/national-figures',
  nationalImport: '/national-figures/import',
  // Follow-up plans (issue 12, src/shared/api/plans.ts).
  plans: '/plans',
  planSettings: '/plans/settings',
  planDue: '/plans/due',
  planOverview: '/plans/overview',
  planPrevious: '/plans/previous',
  plan: '/plans/:planId',
  planTransition: '/plans/:planId/transition',
  planConsultation: '/plans/:planId/consultations/:party',
  planConsultationSeen: '/plans/:planId/consultations/:party/seen',
  planFocusFactors: '/plans/:planId/focus-factors',
  planFocusFactor: '/plans/:planId/focus-factors/:itemId',
  planGoals: '/plans/:planId/focus-factors/:itemId/goals',
  planGoal: '/plans/:planId/goals/:itemId',
  planMeasures: '/plans/:planId/focus-factors/:itemId/measures',
  planMeasure: '/plans/:planId/measures/:itemId',
  planReviews: '/plans/:planId/reviews',
  planPublicLink: '/plans/:planId/public-link',
  planCandidates: '/plans/:planId/responsible-candidates',
  // Meetings (issue 13, src/shared/api/meetings.ts).
  meetings: '/meetings',
  meeting: '/meetings/:meetingId',
  meetingControl: '/meetings/:meetingId/control',
  meetingEvents: '/meetings/:meetingId/events',
  meetingContributions: '/meetings/:meetingId/contributions',
  meetingContributionGroup: '/meetings/:meetingId/contributions/:contributionId/group',
  meetingResults: '/meetings/:meetingId/results',
  meetingFocus: '/meetings/:meetingId/focus',
  meetingMeasures: '/meetings/:meetingId/measures',
  meetingReview: '/meetings/:meetingId/review',
  meetingApprove: '/meetings/:meetingId/approve',
  /** One-device mode: a group's dots, placed on the leader's tablet. */
  meetingVotes: '/meetings/:meetingId/votes',
  // The records the law asks for (issue 15, src/shared/api/records.ts): admin and privacy officer.
  processingRecord: '/municipality/processing-record',
  // Retention and deletion (issue 15, src/shared/api/retention.ts). DELETE on `round` deletes for good.
  municipalitySettings: '/municipality/settings',
  roundDeletion: '/rounds/:id/deletion',
  // Sign-in with the municipality's identity provider (issue 15, src/shared/api/oidc.ts).
  oidcOptions: '/auth/oidc/options',
  oidcStart: '/auth/oidc/start',
  oidcCallback: '/auth/oidc/callback',
  oidcSettings: '/municipality/oidc',
  oidcRoleMappings: '/municipality/oidc/role-mappings',
  // The audit log and staff sessions (issue 15, src/shared/api/audit.ts).
  auditLog: '/audit-log',
  auditLogExport: '/audit-log/export',
  auditExports: '/audit/exports',
  accountPasswordReset: '/accounts/:id/password-reset',
  accountSessionsEnd: '/accounts/:id/sessions/end',
  passwordReset: '/auth/password-reset',
  passwordResetStatus: '/auth/password-reset/:token',
} as const;
