// The one request of the accessibility statement page: the municipality's name and the link to
// its statement on uustatus.no, by the entry address the device was opened with (or none, on an
// instance of one municipality). Its own module, imported only by the lazy statement page, so its
// schema stays out of the respondent's first load; the reply is checked against the contract like
// every respondent reply (./respondent-client.ts). Offline it is `unreachable` and the page shows
// its text without the link.
import { Value } from '@sinclair/typebox/value';
import { ErrorBodySchema } from '../../shared/api/error-body';
import { AccessibilityInfoSchema, type AccessibilityInfo } from '../../shared/api/records';
import { apiPath, RESPONDENT_PATHS } from '../../shared/api/respondent-paths';
import { browserFetch, type Reply } from './respondent-client';

export async function fetchAccessibilityInfo(
  slug: string | undefined,
  fetchImpl: typeof fetch = browserFetch,
): Promise<Reply<AccessibilityInfo>> {
  const query = slug === undefined ? '' : `?${new URLSearchParams({ municipality: slug }).toString()}`;
  let res: Response;
  try {
    res = await fetchImpl(`${apiPath(RESPONDENT_PATHS.accessibility)}${query}`, {
      headers: { accept: 'application/json' },
      credentials: 'omit',
    });
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    return Value.Check(AccessibilityInfoSchema, body)
      ? { kind: 'ok', status: res.status, body }
      : { kind: 'invalid', status: res.status };
  }
  return Value.Check(ErrorBodySchema, body)
    ? { kind: 'refused', status: res.status, error: body.error }
    : { kind: 'refused', status: res.status };
}
