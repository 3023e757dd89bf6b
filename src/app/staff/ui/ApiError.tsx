// A failed request, said plainly. role="alert" so a screen reader hears it where it appears. A form
// passes `focus` so that, after its submit button was busy (and so unfocusable), focus lands on the
// reason instead of falling to the page body.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, type StaffApiError } from './api-errors';

interface Props {
  error: StaffApiError | undefined;
  id?: string;
  /** A screen's own wording for some codes (e.g. LAST_ADMIN on the accounts screen). */
  messageFor?: (error: StaffApiError) => string | undefined;
  /** Move focus to the message each time a new error shows (for errors that answer an action). */
  focus?: boolean;
}

export function ApiError({ error, id, messageFor, focus = false }: Props) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus && error) ref.current?.focus();
  }, [focus, error]);
  if (!error) return null;
  return (
    <p ref={ref} id={id} className="admin-error" role="alert" tabIndex={focus ? -1 : undefined}>
      {messageFor?.(error) ?? t(errorMessageKey(error))}
    </p>
  );
}
