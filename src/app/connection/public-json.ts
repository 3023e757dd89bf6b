// A GET of a public reply (no login, no cookie) for a lazy page, checked against its contract with
// TypeBox like every respondent reply (./respondent-client.ts). Only the lazy pages import it (the
// public plan, the accessibility statement), so TypeBox stays out of the respondent's first load.
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorBodySchema } from '../../shared/api/error-body';
import type { Reply } from './respondent-client';

export async function fetchPublicJson<S extends TSchema>(
  url: string,
  schema: S,
  fetchImpl: typeof fetch,
): Promise<Reply<Static<S>>> {
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: { accept: 'application/json' }, credentials: 'omit' });
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    return Value.Check(schema, body)
      ? { kind: 'ok', status: res.status, body }
      : { kind: 'invalid', status: res.status };
  }
  return Value.Check(ErrorBodySchema, body)
    ? { kind: 'refused', status: res.status, error: body.error }
    : { kind: 'refused', status: res.status };
}
