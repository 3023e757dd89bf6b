// Exports the browser makes (a report's CSV, its print view, the plan overview's CSV and print)
// are in the audit log (issue 15): the server is told first, and only when it has written the entry
// is the file made or the print view shown. A failed call stops the export and says why.
import { useCallback, useEffect, useState } from 'react';
import type { AuditExportRequest } from '../../../shared/api/audit';
import { auditApi } from '../api/audit';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from './api-errors';

/** `logged(what, make)`: tells the server, then makes the export; the error if the server refused. */
export function useExportLog() {
  const { request } = useSession();
  const [error, setError] = useState<StaffApiError>();
  const logged = useCallback(
    async (what: AuditExportRequest, make: () => void): Promise<void> => {
      setError(undefined);
      try {
        await auditApi(request).exporting(what);
      } catch (caught) {
        setError(toStaffApiError(caught));
        return;
      }
      make();
    },
    [request],
  );
  return { logged, error };
}

/** A print view: logged once when it opens; `isLogged` true once the server has the entry. */
export function usePrintLogged(what: AuditExportRequest | undefined) {
  const { request } = useSession();
  const [state, setState] = useState<{ key?: string; error?: StaffApiError }>({});
  const key = what ? JSON.stringify(what) : undefined;
  useEffect(() => {
    if (!what || key === undefined) return;
    let isCurrent = true;
    auditApi(request)
      .exporting(what)
      .then(
        () => isCurrent && setState({ key }),
        (caught: unknown) => isCurrent && setState({ error: toStaffApiError(caught) }),
      );
    return () => {
      isCurrent = false;
    };
    // `key` stands for `what`: a new object with the same content is the same export.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, key]);
  return { isLogged: key !== undefined && state.key === key, error: state.error };
}
