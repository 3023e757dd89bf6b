// One staff action at a time from a screen (save, delete, generate): busy while it runs, and the
// failure kept for ApiError. Returns undefined when the action failed.
import { useCallback, useState } from 'react';
import { organisationApi, type OrganisationApi } from '../api/organisation';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from './api-errors';

export function useAction() {
  const { request } = useSession();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();

  const run = useCallback(
    async <T>(action: (api: OrganisationApi) => Promise<T>): Promise<{ value: T } | undefined> => {
      setIsBusy(true);
      setError(undefined);
      try {
        return { value: await action(organisationApi(request)) };
      } catch (caught) {
        setError(toStaffApiError(caught));
        return undefined;
      } finally {
        setIsBusy(false);
      }
    },
    [request],
  );

  const clearError = useCallback(() => setError(undefined), []);
  return { isBusy, error, run, clearError };
}
