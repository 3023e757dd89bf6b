// A failed request, said plainly. role="alert" so a screen reader hears it where it appears.
import { useTranslation } from 'react-i18next';
import { errorMessageKey, type StaffApiError } from './api-errors';

interface Props {
  error: StaffApiError | undefined;
  id?: string;
  /** A screen's own wording for some codes (e.g. LAST_ADMIN on the accounts screen). */
  messageFor?: (error: StaffApiError) => string | undefined;
}

export function ApiError({ error, id, messageFor }: Props) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  return (
    <p id={id} className="admin-error" role="alert">
      {messageFor?.(error) ?? t(errorMessageKey(error))}
    </p>
  );
}
