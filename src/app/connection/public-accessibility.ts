// The one request of the accessibility statement page: the municipality's name and the link to
// its statement on uustatus.no, by the entry address the device was opened with (or none, on an
// instance of one municipality). Its own module, imported only by the lazy statement page, so its
// schema stays out of the respondent's first load; the reply is checked against the contract like
// every respondent reply (./public-json.ts). Offline it is `unreachable` and the page shows
// its text without the link.
import { AccessibilityInfoSchema, type AccessibilityInfo } from '../../shared/api/records';
import { apiPath, RESPONDENT_PATHS } from '../../shared/api/respondent-paths';
import { fetchPublicJson } from './public-json';
import { browserFetch, type Reply } from './respondent-client';

export function fetchAccessibilityInfo(
  slug: string | undefined,
  fetchImpl: typeof fetch = browserFetch,
): Promise<Reply<AccessibilityInfo>> {
  const query = slug === undefined ? '' : `?${new URLSearchParams({ municipality: slug }).toString()}`;
  return fetchPublicJson(
    `${apiPath(RESPONDENT_PATHS.accessibility)}${query}`,
    AccessibilityInfoSchema,
    fetchImpl,
  );
}
