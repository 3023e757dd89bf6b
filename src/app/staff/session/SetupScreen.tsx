// /oppsett/:token — the one-time link printed on first start: the person who opens it creates the
// municipality's first admin account and is signed in at once. A used or expired link says so
// instead of showing a form that cannot work.
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { createStaffRequest } from '../api/client';
import { ADMIN_PATHS } from '../ui/staff-paths';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { validateNewAccount, type AccountFieldErrors } from './validate-account';
import { NewAccountFields } from './NewAccountFields';
import { useLinkStatus } from './useLinkStatus';

export function SetupScreen() {
  const { t } = useTranslation('admin');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  // Setup is public: no session yet, so no CSRF token either.
  const api = useMemo(() => authApi(createStaffRequest({ getCsrfToken: () => undefined })), []);
  const status = useLinkStatus(api.setupStatus, token);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<AccountFieldErrors>({});
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateNewAccount(form, t);
    setErrors(found);
    setError(undefined);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setIsBusy(true);
    try {
      await api.setup({
        token,
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
      });
      await navigate(ADMIN_PATHS.home, { replace: true });
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="screen admin-screen admin-login">
      <h1>{t('setup.title')}</h1>
      {status?.error ? (
        <ApiError error={status.error} />
      ) : status?.value === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p>{t('setup.intro', { municipality: status.value.municipalityName })}</p>
          <ApiError error={error} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <NewAccountFields
              idPrefix="setup"
              form={form}
              errors={errors}
              isOwnAccount
              onChange={(field, value) => setForm((prev) => ({ ...prev, [field]: value }))}
            />
            <button type="submit" className="button button--primary admin-submit" disabled={isBusy}>
              {t('setup.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
