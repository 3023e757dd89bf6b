// The audit log's one hook: a route that declares `config.audit` gets an entry for every
// successful answer (2xx), written before the reply leaves, so a reply the log could not take
// fails instead of going out unrecorded. Only staff requests are logged this way (request.staff,
// set by the access check); the action, unit and round come from the route's declaration.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../shared/audit';
import type { Database } from '../db/database';
import { recordAudit } from './record';

/** `payload` is the reply as it is sent (usually the serialised JSON), for ids the handler made. */
type Pick<T> = (request: FastifyRequest, reply: FastifyReply, payload: unknown) => T | Promise<T>;

export interface AuditSpec {
  /** The action, or a function of the request (e.g. a report read on the root unit is the municipality's). */
  action: AuditAction | Pick<AuditAction | undefined>;
  unit?: Pick<string | null | undefined>;
  round?: Pick<string | null | undefined>;
  /** A count, a name or a new setting; never a code, a respondent or a device. */
  detail?: Pick<string | null | undefined>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditSpec;
  }
}

export function registerAuditLog(
  app: FastifyInstance,
  options: { database: Database; now: () => Date },
): void {
  const db = options.database.kysely;
  app.addHook('onSend', async (request, reply, payload) => {
    const spec = request.routeOptions.config.audit;
    const staff = request.staff;
    if (!spec || !staff || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    const action =
      typeof spec.action === 'function' ? await spec.action(request, reply, payload) : spec.action;
    if (action === undefined) return payload;
    await recordAudit(
      db,
      { userId: staff.userId, municipalityId: staff.municipalityId },
      {
        action,
        unitId: await spec.unit?.(request, reply, payload),
        roundId: await spec.round?.(request, reply, payload),
        detail: await spec.detail?.(request, reply, payload),
      },
      options.now(),
    );
    return payload;
  });
}
