// One staff action at a time from a screen (save, delete, generate): busy while it runs, and the
// failure kept for ApiError. Returns undefined when the action failed. useApiAction takes the API
// the actions call (a module-level factory such as oidcApi, so it stays the same between renders);
// useAction is it over the organisation API.
import { useCallback, useState } from 'react';
import { organisationApi, type OrganisationApi } from '../api/organisation';
import type { StaffRequest } from '../api/client';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from './api-errors';

export function useApiAction<Api>(makeApi: (request: StaffRequest) => Api) {
  const { request } = useSession();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();

  const run = useCallback(
    async <T>(action: (api: Api) => Promise<T>): Promise<{ value: T } | undefined> => {
      setIsBusy(true);
      setError(undefined);
      try {
        return { value: await action(makeApi(request)) };
      } catch (caught) {
        setError(toStaffApiError(caught));
        return undefined;
      } finally {
        setIsBusy(false);
      }
    },
    [request, makeApi],
  );

  const clearError = useCallback(() => setError(undefined), []);
  return { isBusy, error, run, clearError };
}

export const useAction = () => useApiAction<OrganisationApi>(organisationApi);
