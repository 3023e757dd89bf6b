// Owns what the server may write to its log. Answers must not be linkable to a person, not even in
// logs (domain brief), so a request is logged as method and URL only — never its body, IP, host,
// port or user agent, and never the secret in a code or enrolment link. What a respondent's device
// or a tablet asks for is not logged per request at all (issue 11): a line with its time per
// ingest, code check, kiosk heartbeat, round or questionnaire fetch, or opened code link could be
// lined up with the moment someone was seen at the tablet. Their errors are still logged.
import { LogController, type FastifyRequest } from 'fastify';
import { API_PREFIX, RESPONDENT_PATHS, STAFF_PATHS } from '../shared/api/paths';

export const INGEST_URL = `${API_PREFIX}${RESPONDENT_PATHS.responses}`;

interface LoggableError {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  stack?: unknown;
}

/**
 * Pages whose path holds a secret: /s/<one-time code>, /kiosk/<enrolment token>, /oppsett/<setup
 * token>. The PWA serves them, so the request log would otherwise keep the code next to a time.
 */
const SECRET_PATHS = /^\/(s|kiosk|oppsett)\/[^?#]+/;

/** The identity provider's answer (issue 15): its query holds the code and state of a sign-in. */
const OIDC_CALLBACK = new RegExp(`^(${API_PREFIX}${STAFF_PATHS.oidcCallback})\\?.*$`);

export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PATHS, '/$1/[redacted]').replace(OIDC_CALLBACK, '$1?[redacted]');
}

const privacySerializers = {
  req: (req: { method?: string; url?: string }) => ({ method: req.method, url: redactUrl(req.url) }),
  // Only these fields: database errors carry `detail`/`parameters` with the values being written.
  err: (err: LoggableError) => ({ type: err.name, message: err.message, code: err.code, stack: err.stack }),
};

/** Fastify logger options with the privacy serializers forced on top of whatever the caller gave. */
export function loggerOptions(logger: boolean | object | undefined): false | Record<string, unknown> {
  if (logger === undefined || logger === false) return false;
  const base: Record<string, unknown> = logger === true ? {} : { ...logger };
  const serializers = (base.serializers ?? {}) as Record<string, unknown>;
  return { ...base, serializers: { ...serializers, ...privacySerializers } };
}

/** The respondent's and the tablet's API paths whose requests get no line of their own. */
const SILENT_PATHS = [
  RESPONDENT_PATHS.responses,
  RESPONDENT_PATHS.codeCheck,
  RESPONDENT_PATHS.kioskStatus,
  RESPONDENT_PATHS.currentRound,
  RESPONDENT_PATHS.entryRounds,
  RESPONDENT_PATHS.questionnaire,
  // A meeting's phones (issue 13): a line with the time of a contribution could name its writer.
  RESPONDENT_PATHS.meetingJoin,
  RESPONDENT_PATHS.liveState,
  RESPONDENT_PATHS.liveEvents,
  RESPONDENT_PATHS.liveContributions,
  RESPONDENT_PATHS.liveVotes,
].map((path) => new RegExp(`^${API_PREFIX}${path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`));

/** A request whose time could be lined up with an answer arriving: no per-request line. */
export function isSilentRequest(url: string): boolean {
  const path = url.split('?')[0]!;
  return SECRET_PATHS.test(path) || SILENT_PATHS.some((re) => re.test(path));
}

/** Suppresses the per-request lines ("incoming request", "request completed") for isSilentRequest. */
export function privacyLogController(): LogController {
  return new LogController({
    disableRequestLogging: (request: FastifyRequest) => isSilentRequest(request.url),
  });
}
