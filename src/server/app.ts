// Builds the HTTP app without listening, so tests drive it through app.inject(). Registration is
// explicit and in order: error handling first (children inherit it), then the API routes, then
// the PWA and the fallback for unknown routes.
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES, type DeviceSettings } from '../shared/api/schemas';
import type { Database } from './db/database';
import { loggerOptions, privacyLogController } from './logger';
import { registerErrorHandler } from './plugins/error-handler';
import { registerNotFound, registerStaticPwa } from './plugins/static-pwa';
import { healthRoutes } from './routes/health';
import { questionnaireRoutes } from './routes/questionnaires';
import { responseRoutes } from './routes/responses';
import { roundRoutes } from './routes/rounds';

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
}

export const API_PREFIX = '/api/v1';
export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { idleTimeoutSeconds: 120 };

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { db: database, now = () => new Date(), deviceSettings = DEFAULT_DEVICE_SETTINGS } = options;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    logController: privacyLogController(),
    bodyLimit: MAX_BODY_BYTES,
    // The wire contract is strict: "1" is not the number 1.
    ajv: { customOptions: { coerceTypes: false } },
  });

  app.addHook('onClose', () => database.close());
  registerErrorHandler(app);

  void app.register(healthRoutes, { prefix: API_PREFIX, database });
  void app.register(roundRoutes, { prefix: API_PREFIX, database, now, deviceSettings });
  void app.register(questionnaireRoutes, { prefix: API_PREFIX, database });
  void app.register(responseRoutes, { prefix: API_PREFIX, database, now });

  if (options.staticDir !== undefined) registerStaticPwa(app, options.staticDir);
  registerNotFound(app, options.staticDir !== undefined);
  return app;
}
