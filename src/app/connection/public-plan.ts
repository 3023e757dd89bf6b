// The one request of the public "Dette gjør vi" page: a unit's follow-up plan by its unguessable
// token, no login, no credential. Its own module, imported only by the lazy plan page, so the
// plan's schemas stay out of the respondent's first load. The reply is checked against the
// contract like every respondent reply (see ./respondent-client.ts). The browser may answer from
// the service worker's runtime cache when offline (vite.config.ts): the page read once stays
// readable.
import { Value } from '@sinclair/typebox/value';
import { ErrorBodySchema } from '../../shared/api/error-body';
import { apiPath, RESPONDENT_PATHS } from '../../shared/api/respondent-paths';
import { PublicPlanResponseSchema, type PublicPlanResponse } from '../../shared/api/plans';
import { browserFetch, type Reply } from './respondent-client';

export async function fetchPublicPlan(
  token: string,
  fetchImpl: typeof fetch = browserFetch,
): Promise<Reply<PublicPlanResponse>> {
  let res: Response;
  try {
    res = await fetchImpl(apiPath(RESPONDENT_PATHS.unitPlan, { token }), {
      headers: { accept: 'application/json' },
      credentials: 'omit',
    });
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    return Value.Check(PublicPlanResponseSchema, body)
      ? { kind: 'ok', status: res.status, body }
      : { kind: 'invalid', status: res.status };
  }
  return Value.Check(ErrorBodySchema, body)
    ? { kind: 'refused', status: res.status, error: body.error }
    : { kind: 'refused', status: res.status };
}
