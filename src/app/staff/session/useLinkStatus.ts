// What a one-time link's page first asks the server (the first-admin setup link, the new-password
// link): whether the token still works and for whom. Until the answer: undefined; then the value,
// or the refusal (used, replaced or expired) for the page to say instead of a form that cannot work.
import { useEffect, useState } from 'react';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';

export function useLinkStatus<T>(
  load: (token: string) => Promise<T>,
  token: string,
): { value?: T; error?: StaffApiError } | undefined {
  const [status, setStatus] = useState<{ value?: T; error?: StaffApiError }>();
  useEffect(() => {
    let isCurrent = true;
    load(token).then(
      (value) => isCurrent && setStatus({ value }),
      (caught: unknown) => isCurrent && setStatus({ error: toStaffApiError(caught) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [load, token]);
  return status;
}
