// Which municipality the statement is about, and its uustatus.no link: the entry address in the
// page's own query (?m=<slug>), else the one this device was opened with (/k/<slug>, remembered
// by the offline layer), else none (the server then names the instance's only municipality, if
// it has one). Offline, or for an address the server does not know, nothing: the page still
// shows its text.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AccessibilityInfo } from '../../../shared/api/records';
import { isEntrySlug } from '../../../shared/entry-slug';
import { fetchAccessibilityInfo } from '../../connection/public-accessibility';
import { loadEntrySlug } from '../../offline';

const NOTHING: AccessibilityInfo = { municipalityName: null, statementUrl: null };

/** Only an https address is ever made a link: the stored value is the municipality's to set. */
const isHttps = (url: string | null): url is string => url !== null && /^https:\/\/[^\s]+$/i.test(url);

export function useStatementInfo(fetchImpl: typeof fetch | undefined): AccessibilityInfo {
  const [params] = useSearchParams();
  const fromQuery = params.get('m') ?? undefined;
  const [info, setInfo] = useState<AccessibilityInfo>(NOTHING);

  useEffect(() => {
    let isCurrent = true;
    const run = async () => {
      const slug = fromQuery !== undefined && isEntrySlug(fromQuery) ? fromQuery : await loadEntrySlug();
      const reply = await fetchAccessibilityInfo(slug, fetchImpl);
      if (!isCurrent || reply.kind !== 'ok') return;
      const { municipalityName, statementUrl } = reply.body;
      setInfo({ municipalityName, statementUrl: isHttps(statementUrl) ? statementUrl : null });
    };
    void run().catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [fromQuery, fetchImpl]);

  return info;
}
