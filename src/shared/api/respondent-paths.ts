// The respondent's part of the API's addresses (paths.ts owns them all and re-exports this): the
// version prefix, the respondent's and the tablet's route paths and apiPath(). Its own module so the
// respondent's first load carries none of the staff paths: the PWA's respondent side imports this
// file, everything else imports paths.ts.

export const API_PREFIX = '/api/v1';

/** The respondent's side and the tablet: no staff session. */
export const RESPONDENT_PATHS = {
  /** Liveness: the process answers. Touches no database. */
  health: '/health',
  /** Readiness: the database takes a write now (200), or 503 with the database fault's code. */
  ready: '/health/ready',
  currentRound: '/rounds/current',
  /** Every open round of the municipality whose entry address is /k/<slug> (EntryRoundsResponse). */
  entryRounds: '/entries/:slug/rounds',
  questionnaire: '/questionnaires/:version',
  responses: '/responses',
  codeCheck: '/codes/check',
  kioskEnrol: '/kiosk/enrol',
  kioskStatus: '/kiosk/status',
  /** "Dette gjør vi": a unit's follow-up plan, read-only, by its unguessable token (src/shared/api/plans.ts). */
  unitPlan: '/plans/public/:token',
  // The meeting's phones (issue 13, src/shared/api/meetings.ts): the participant cookie, no account.
  meetingJoin: '/meetings/live/join',
  liveState: '/meetings/live/state',
  liveEvents: '/meetings/live/events',
  liveContributions: '/meetings/live/contributions',
  liveVotes: '/meetings/live/votes',
  /** The accessibility statement's municipality name and uustatus.no link (src/shared/api/records.ts). */
  accessibility: '/public/accessibility',
} as const;

/** The parameter names in a pattern: '/rounds/:roundId/units/:unitId' → 'roundId' | 'unitId'. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/**
 * The full URL path for a pattern, each parameter URI-encoded (an id with "/" or "?" stays one
 * segment). A pattern without parameters needs no second argument.
 */
export function apiPath<P extends string>(
  pattern: P,
  ...params: ParamNames<P> extends never ? [] : [PathParams<P>]
): string {
  const values = (params[0] ?? {}) as Record<string, string>;
  const filled = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`apiPath: ${pattern} needs ${name}`);
    return encodeURIComponent(value);
  });
  return `${API_PREFIX}${filled}`;
}
