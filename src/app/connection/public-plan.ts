// The one request of the public "Dette gjør vi" page: a unit's follow-up plan by its unguessable
// token, no login, no credential. Its own module, imported only by the lazy plan page, so the
// plan's schemas stay out of the respondent's first load. The reply is checked against the
// contract like every respondent reply (./public-json.ts). The browser may answer from
// the service worker's runtime cache when offline (vite.config.ts): the page read once stays
// readable.
import { apiPath, RESPONDENT_PATHS } from '../../shared/api/respondent-paths';
import { PublicPlanResponseSchema, type PublicPlanResponse } from '../../shared/api/plans';
import { fetchPublicJson } from './public-json';
import { browserFetch, type Reply } from './respondent-client';

export function fetchPublicPlan(
  token: string,
  fetchImpl: typeof fetch = browserFetch,
): Promise<Reply<PublicPlanResponse>> {
  return fetchPublicJson(apiPath(RESPONDENT_PATHS.unitPlan, { token }), PublicPlanResponseSchema, fetchImpl);
}
