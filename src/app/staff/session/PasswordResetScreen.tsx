// /nytt-passord/:token — the one-time link an admin made for a person who forgot their password
// (issue 15): the person chooses a new password, the link is used up, every session of the account
// ends, and the person signs in with the new password. A used, replaced or expired link says so
// instead of showing a form that cannot work.
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../api/audit';
import { createStaffRequest } from '../api/client';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ADMIN_PATHS } from '../ui/staff-paths';
import { NewPasswordFields } from './NewAccountFields';
import { useLinkStatus } from './useLinkStatus';
import { validateNewPassword } from './validate-account';

export function PasswordResetScreen() {
  const { t } = useTranslation('admin');
  const { token = '' } = useParams();
  // Public: the person is signed out (making the link ended their sessions), so no CSRF token.
  const api = useMemo(() => auditApi(createStaffRequest({ getCsrfToken: () => undefined })), []);
  const status = useLinkStatus(api.passwordResetStatus, token);
  const [form, setForm] = useState({ password: '', repeat: '' });
  const [errors, setErrors] = useState<ReturnType<typeof validateNewPassword>>({});
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const [isDone, setIsDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateNewPassword(form, t);
    setErrors(found);
    setError(undefined);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`reset-${first}`)?.focus();
      return;
    }
    setIsBusy(true);
    try {
      await api.resetPassword({ token, newPassword: form.password });
      setIsDone(true);
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="screen admin-screen admin-login">
      <h1>{t('passwordReset.title')}</h1>
      {isDone ? (
        <>
          <p role="status">{t('passwordReset.done')}</p>
          <p>
            <Link to={ADMIN_PATHS.login}>{t('passwordReset.signIn')}</Link>
          </p>
        </>
      ) : status?.error ? (
        <ApiError
          error={status.error}
          messageFor={(e) => (e.code === 'PASSWORD_RESET_INVALID' ? t('passwordReset.invalid') : undefined)}
        />
      ) : status?.value === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {t('passwordReset.intro', {
              name: status.value.displayName,
              username: status.value.username,
            })}
          </p>
          <ApiError
            error={error}
            messageFor={(e) => (e.code === 'PASSWORD_RESET_INVALID' ? t('passwordReset.invalid') : undefined)}
          />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <NewPasswordFields
              idPrefix="reset"
              form={form}
              errors={errors}
              label={t('account.password')}
              onChange={(field, value) => setForm((prev) => ({ ...prev, [field]: value }))}
            />
            <button type="submit" className="button button--primary admin-submit" disabled={isBusy}>
              {t('passwordReset.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
