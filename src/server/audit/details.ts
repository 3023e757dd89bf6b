// Details of audit entries that take a little shaping: counts only, never the content itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { replyJson } from './specs';

/** "created 3, updated 1" for an import's reply. */
export function importCounts(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
): string | undefined {
  const body = replyJson(request, payload) as { created?: unknown; updated?: unknown } | undefined;
  if (typeof body?.created !== 'number' || typeof body.updated !== 'number') return undefined;
  return `created ${body.created}, updated ${body.updated}`;
}

/** "kari: admin, leader@unit-1": whose account, and the roles it has after the change. */
export function accountDetail(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: unknown,
): string | undefined {
  const body = replyJson(request, payload) as
    { username?: unknown; roles?: { role: string; unitId: string | null }[] } | undefined;
  if (typeof body?.username !== 'string') return undefined;
  const roles = (body.roles ?? []).map((r) => (r.unitId === null ? r.role : `${r.role}@${r.unitId}`));
  return `${body.username}: ${roles.join(', ')}`;
}
