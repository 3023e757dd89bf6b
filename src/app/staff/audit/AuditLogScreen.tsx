// /admin/revisjonslogg — the audit log (issue 15), for admin and the privacy officer: search by
// person, unit, kind and period, page on with "Show more", and download the same search as CSV
// (made by the server, which logs the download). Searching is itself logged, once per search.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/api/audit';
import { accountsApi } from '../api/accounts';
import { auditApi, auditExportHref } from '../api/audit';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { useUnits } from '../ui/useOrganisation';
import { useStaffQuery } from '../ui/useStaffQuery';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';

const PAGE = 100;

export function AuditLogScreen() {
  const { t } = useTranslation('audit');
  const { request } = useSession();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [search, setSearch] = useState(0);
  const accounts = useStaffQuery((r) => accountsApi(r).list(), 'accounts');
  const units = useUnits();
  const first = useStaffQuery(
    (r) => auditApi(r).search({ ...filter, limit: String(PAGE) }),
    `audit:${search}:${JSON.stringify(filter)}`,
  );
  const [more, setMore] = useState<{ search: number; entries: AuditEntry[]; nextOffset: number | null }>();
  const [moreError, setMoreError] = useState<StaffApiError>();
  const extra = more?.search === search ? more : undefined;
  const entries = [...(first.data?.entries ?? []), ...(extra?.entries ?? [])];
  const nextOffset = extra ? extra.nextOffset : (first.data?.nextOffset ?? null);

  async function showMore() {
    if (nextOffset === null) return;
    setMoreError(undefined);
    try {
      const page = await auditApi(request).search({
        ...filter,
        limit: String(PAGE),
        offset: String(nextOffset),
      });
      setMore({ search, entries: [...(extra?.entries ?? []), ...page.entries], nextOffset: page.nextOffset });
    } catch (caught) {
      setMoreError(toStaffApiError(caught));
    }
  }

  return (
    <div className="screen admin-screen">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <AuditFilters
        accounts={accounts.data?.accounts ?? []}
        units={units.data?.units ?? []}
        onSearch={(next) => {
          setFilter(next);
          setSearch((n) => n + 1);
        }}
      />
      <ApiError error={accounts.error ?? units.error ?? first.error} />
      <p className="admin-actions">
        <a className="button button--secondary" href={auditExportHref(filter)} download>
          {t('download')}
        </a>
      </p>
      {first.isLoading && !first.data ? (
        <p role="status">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p role="status">{t('empty')}</p>
      ) : (
        <>
          <p role="status">{t('shown', { count: entries.length })}</p>
          <AuditTable entries={entries} />
          {nextOffset !== null && (
            <button type="button" className="button button--secondary" onClick={() => void showMore()}>
              {t('more')}
            </button>
          )}
          <ApiError error={moreError} />
        </>
      )}
    </div>
  );
}
