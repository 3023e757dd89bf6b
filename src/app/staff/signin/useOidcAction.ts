// One save at a time on the sign-in screen: busy while it runs, the failure kept for ApiError.
import { useCallback, useState } from 'react';
import { oidcApi } from '../api/oidc';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';

type OidcApi = ReturnType<typeof oidcApi>;

export function useOidcAction() {
  const { request } = useSession();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const run = useCallback(
    async <T>(action: (api: OidcApi) => Promise<T>): Promise<{ value: T } | undefined> => {
      setIsBusy(true);
      setError(undefined);
      try {
        return { value: await action(oidcApi(request)) };
      } catch (caught) {
        setError(toStaffApiError(caught));
        return undefined;
      } finally {
        setIsBusy(false);
      }
    },
    [request],
  );
  return { isBusy, error, run };
}
