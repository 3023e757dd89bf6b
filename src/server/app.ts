// Builds the HTTP app without listening, so tests drive it through app.inject(). Registration is
// explicit and in order: error handling first (children inherit it), then authorisation (it must
// see every route as it is added), then the API routes, then the PWA and the fallback for unknown
// routes.
import Fastify, { type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../shared/api/paths';
import { MAX_BODY_BYTES, type DeviceSettings } from '../shared/api/respondent';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../shared/device';
import { registerAuditLog } from './audit/hook';
import { auditRoutes } from './routes/audit';
import { passwordResetRoutes } from './routes/password-reset';
import { registerAuthorization } from './auth/authorize';
import { createCodeHasher, PROCESS_CODE_HASH_KEY } from './codes/code-hasher';
import type { Database } from './db/database';
import { loggerOptions, privacyLogController } from './logger';
import type { MeetingBus } from './meetings/live/bus';
import { createMeetingBus } from './meetings/live/create-bus';
import { PROCESS_SEAL_KEY } from './release/seal-key';
import { startMeetingPurge } from './meetings/retention';
import { startReleaseScheduler } from './release/schedule';
import { registerErrorHandler } from './plugins/error-handler';
import { frameworkErrors } from './plugins/framework-errors';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerNotFound, registerStaticPwa } from './plugins/static-pwa';
import { registerTextGuard } from './plugins/text-guard';
import { accountRoutes } from './routes/accounts';
import { authRoutes } from './routes/auth';
import { codeRoutes } from './routes/codes';
import { healthRoutes } from './routes/health';
import { kioskRoutes } from './routes/kiosks';
import { meetingRoutes } from './routes/meetings';
import { municipalityRoutes } from './routes/municipality';
import { nationalFigureRoutes } from './routes/national-figures';
import { createOidcClients } from './oidc/client';
import { oidcRoutes } from './routes/oidc';
import { operatorRoutes } from './routes/operator';
import { planRoutes } from './routes/plans';
import { preparationRoutes } from './routes/preparation';
import { questionnaireRoutes } from './routes/questionnaires';
import { recordRoutes } from './routes/records';
import { reportRoutes } from './routes/reports';
import { responseRoutes } from './routes/responses';
import { roundRoutes } from './routes/rounds';
import { roundAdminRoutes } from './routes/rounds-admin';
import { unitRoutes } from './routes/units';
import { municipalitySettingsRoutes } from './routes/municipality-settings';
import { roundDeletionRoutes } from './routes/round-deletion';
import { startRetention } from './retention/schedule';
import { fastifyTrustProxy, isBehindProxy, type TrustProxyOption } from './trust-proxy';

export interface BuildAppOptions {
  /** Closed when the app closes. */
  db: Database;
  /** false (default), true, or Fastify/pino logger options, e.g. { level, stream }. */
  logger?: boolean | object;
  /** The built PWA (dist/); without it only the API is served. */
  staticDir?: string;
  /** The clock that decides "today" in Oslo; tests pin it. */
  now?: () => Date;
  /** What every device is told, e.g. the shared-tablet idle timeout. */
  deviceSettings?: DeviceSettings;
  /**
   * Off by default: only behind a reverse proxy that sets X-Forwarded-For/-Proto should the app
   * believe them (for the Secure cookie flag and the guessing limits' client address). A hop
   * count or the proxies' addresses (trust-proxy.ts); true means exactly one hop.
   */
  trustProxy?: TrustProxyOption;
  /**
   * The secret one-time codes are hashed with (see codes/code-hasher.ts); server.ts passes
   * CODE_HASH_KEY or DATA_DIR/code-hash.key. Without it: one random key per process.
   */
  codeHashKey?: Uint8Array;
  /**
   * The seal key that wraps each round's answer key (release/seal-key.ts); server.ts passes
   * SEAL_KEY or the key file beside DATA_DIR. Without it: one random key per process.
   */
  sealKey?: Uint8Array;
  /** Run the due releases of sealed answers at start and every few minutes, and the purge of expired
   * meetings and retention (retention/schedule.ts) every hour (server.ts: on). */
  releaseScheduler?: boolean;
  /** How a meeting's change reaches every event stream (meetings/live/); closed with the app. */
  meetingBus?: MeetingBus;
  /** How often a meeting's event stream sends `: ping` (default 20 s; tests shorten it). */
  meetingPingMs?: number;
  /**
   * Sign-in through the identity provider (issue 15): the origin browsers reach the server at
   * (server.ts: PUBLIC_ORIGIN), for the redirect URI; without it, the origin of the request.
   */
  publicOrigin?: string;
  /** How long a call to the identity provider may take (default 5 s). */
  oidcTimeoutSeconds?: number;
  /** Where a client secret named by an environment variable is read (default process.env). */
  oidcEnv?: Readonly<Record<string, string | undefined>>;
}

export { listApiRoutes, type ApiRoute } from './auth/authorize';

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS };

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { db: database, now = () => new Date(), deviceSettings = DEFAULT_DEVICE_SETTINGS } = options;
  const hasher = createCodeHasher(options.codeHashKey ?? PROCESS_CODE_HASH_KEY);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    logController: privacyLogController(),
    bodyLimit: MAX_BODY_BYTES,
    // An address that does not decode or an over-long id: the API's envelope, not Fastify's.
    frameworkErrors: frameworkErrors({ behindTlsProxy: isBehindProxy(options.trustProxy) }),
    // The wire contract is strict: "1" is not the number 1, and a key the schema does not name is
    // refused (additionalProperties: false), not silently dropped (Fastify's default strips it).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });

  app.addHook('onClose', () => database.close());
  // The bus's warnings (a lost LISTEN connection, a failing subscriber) go to the app's log, as a
  // message only: nothing of a row or a request reaches it.
  const meetingBus =
    options.meetingBus ??
    createMeetingBus(database, (message, error) =>
      app.log.warn(error instanceof Error ? `${message}: ${error.message}` : message),
    );
  // onClose hooks run last-added first: the bus lets go before the database closes.
  app.addHook('onClose', () => meetingBus.close());
  const sealKey = options.sealKey ?? PROCESS_SEAL_KEY;
  if (options.releaseScheduler) {
    const scheduler = startReleaseScheduler({
      database,
      sealKey,
      now,
      onError: (err) =>
        app.log.error({ err }, 'a scheduled release (sealed answers or national figures) failed'),
    });
    // onClose hooks run last-added first: the scheduler stops before the database closes.
    app.addHook('onClose', () => scheduler.stop());
    // Unapproved meetings' input goes retentionDays after they expired (meetings/retention.ts).
    const purge = startMeetingPurge({
      database,
      now,
      onError: (err) => app.log.error({ err }, 'the scheduled purge of expired meetings failed'),
    });
    app.addHook('onClose', () => purge.stop());
    // Answer rows past the municipality's retention, and old audit entries (retention/schedule.ts).
    const retention = startRetention({
      database,
      now,
      onError: (err) => app.log.error({ err }, 'the scheduled retention run failed'),
    });
    app.addHook('onClose', () => retention.stop());
  }
  registerErrorHandler(app);
  registerSecurityHeaders(app, { behindTlsProxy: isBehindProxy(options.trustProxy) });
  registerTextGuard(app);
  registerAuthorization(app, { database, now });
  registerAuditLog(app, { database, now });

  void app.register(healthRoutes, { prefix: API_PREFIX, database });
  void app.register(roundRoutes, { prefix: API_PREFIX, database, now, deviceSettings });
  void app.register(questionnaireRoutes, { prefix: API_PREFIX, database });
  void app.register(responseRoutes, { prefix: API_PREFIX, database, now, hasher, sealKey });
  void app.register(authRoutes, { prefix: API_PREFIX, database, now, hasher });
  void app.register(accountRoutes, { prefix: API_PREFIX, database, now });
  void app.register(municipalityRoutes, { prefix: API_PREFIX, database });
  void app.register(operatorRoutes, { prefix: API_PREFIX, database, now, hasher });
  void app.register(unitRoutes, { prefix: API_PREFIX, database });
  void app.register(roundAdminRoutes, { prefix: API_PREFIX, database, now, sealKey });
  void app.register(codeRoutes, { prefix: API_PREFIX, database, now, hasher });
  void app.register(kioskRoutes, { prefix: API_PREFIX, database, now });
  void app.register(reportRoutes, { prefix: API_PREFIX, database, now, sealKey });
  void app.register(nationalFigureRoutes, { prefix: API_PREFIX, database });
  void app.register(planRoutes, { prefix: API_PREFIX, database, now, hasher });
  void app.register(preparationRoutes, { prefix: API_PREFIX, database });
  void app.register(municipalitySettingsRoutes, { prefix: API_PREFIX, database });
  void app.register(roundDeletionRoutes, { prefix: API_PREFIX, database, now });
  void app.register(meetingRoutes, {
    prefix: API_PREFIX,
    database,
    now,
    hasher,
    bus: meetingBus,
    ...(options.meetingPingMs !== undefined && { pingMs: options.meetingPingMs }),
  });
  void app.register(oidcRoutes, {
    prefix: API_PREFIX,
    database,
    now,
    sealKey,
    clients: createOidcClients({ timeoutSeconds: options.oidcTimeoutSeconds }),
    publicOrigin: options.publicOrigin,
    ...(options.oidcEnv !== undefined && { env: options.oidcEnv }),
  });

  // The records the law asks for (issue 15): the processing record and the accessibility statement's link.
  void app.register(recordRoutes, { prefix: API_PREFIX, database, now });

  void app.register(auditRoutes, { prefix: API_PREFIX, database, now });
  void app.register(passwordResetRoutes, { prefix: API_PREFIX, database, now });

  if (options.staticDir !== undefined) registerStaticPwa(app, options.staticDir);
  registerNotFound(app, options.staticDir !== undefined);
  return app;
}
