// Small pieces routes build their `config.audit` from (./hook.ts): where the unit and the round of
// an entry come from (a path parameter, a body field, the reply, or the unit the access check
// already looked up), so each route's declaration stays one line. Nothing here reads a code, a
// kiosk credential, a respondent or a device: the routes pick only ids, counts and names.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../shared/audit';
import type { AuditSpec } from './hook';

type Pick<T> = (request: FastifyRequest, reply: FastifyReply, payload: unknown) => T | Promise<T>;
type Field = string | null | undefined;

const asText = (value: unknown): Field =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** A path parameter, e.g. param('roundId'). */
export const param =
  (name: string): Pick<Field> =>
  (request) =>
    asText((request.params as Record<string, unknown> | undefined)?.[name]);

/** A field of the (validated) body or query. */
export const bodyField =
  (name: string): Pick<Field> =>
  (request) =>
    asText((request.body as Record<string, unknown> | undefined)?.[name]);
export const queryField =
  (name: string): Pick<Field> =>
  (request) =>
    asText((request.query as Record<string, unknown> | undefined)?.[name]);

const parsedReplies = new WeakMap<FastifyRequest, unknown>();

/** The reply's JSON, parsed once per request (the payload is the serialised text in onSend). */
export function replyJson(request: FastifyRequest, payload: unknown): unknown {
  if (parsedReplies.has(request)) return parsedReplies.get(request);
  let value: unknown = undefined;
  if (typeof payload === 'string' && payload !== '') {
    try {
      value = JSON.parse(payload);
    } catch {
      value = undefined;
    }
  }
  parsedReplies.set(request, value);
  return value;
}

/** A field of the reply's JSON, by a path of keys: fromReply('round', 'id'). */
export const fromReply =
  (...path: string[]): Pick<Field> =>
  (request, _reply, payload) => {
    let value = replyJson(request, payload);
    for (const key of path) {
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    return asText(value);
  };

/** The first of several sources that gives a value. */
export const firstOf =
  (...sources: Pick<Field>[]): Pick<Field> =>
  async (request, reply, payload) => {
    for (const source of sources) {
      const value = await source(request, reply, payload);
      if (value != null) return value;
    }
    return undefined;
  };

/** The unit the route's access check is about (e.g. a plan's or a meeting's unit). */
export const accessUnit: Pick<Field> = async (request) => request.routeOptions.config.access?.unit?.(request);

/** A fixed text, e.g. which setting or transition. */
export const fixed =
  (text: string): Pick<Field> =>
  () =>
    text;

/** The common case: an action with its unit and round. */
export function audit(
  action: AuditAction,
  where: { unit?: Pick<Field>; round?: Pick<Field>; detail?: Pick<Field> } = {},
): AuditSpec {
  return { action, ...where };
}
