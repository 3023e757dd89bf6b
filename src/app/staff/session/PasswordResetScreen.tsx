// /nytt-passord/:token — the one-time link an admin made for a person who forgot their password
// (issue 15): the person chooses a new password, the link is used up, every session of the account
// ends, and the person signs in with the new password. A used, replaced or expired link says so
// instead of showing a form that cannot work.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PasswordResetStatus } from '../../../shared/api/audit';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../shared/api/staff';
import { auditApi } from '../api/audit';
import { createStaffRequest } from '../api/client';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ADMIN_PATHS } from '../ui/staff-paths';
import { TextField } from '../ui/TextField';

export function PasswordResetScreen() {
  const { t } = useTranslation('admin');
  const { token = '' } = useParams();
  // Public: the person is signed out (making the link ended their sessions), so no CSRF token.
  const api = useMemo(() => auditApi(createStaffRequest({ getCsrfToken: () => undefined })), []);
  const [status, setStatus] = useState<{ account?: PasswordResetStatus; error?: StaffApiError }>();
  const [form, setForm] = useState({ password: '', repeat: '' });
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const [isDone, setIsDone] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    api.passwordResetStatus(token).then(
      (account) => isCurrent && setStatus({ account }),
      (caught: unknown) => isCurrent && setStatus({ error: toStaffApiError(caught) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (form.password.length < MIN_PASSWORD_LENGTH || form.password.length > MAX_PASSWORD_LENGTH)
      found.password = t('account.passwordTooShort', { count: MIN_PASSWORD_LENGTH });
    else if (form.password !== form.repeat) found.repeat = t('account.passwordMismatch');
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
      ) : status?.account === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {t('passwordReset.intro', {
              name: status.account.displayName,
              username: status.account.username,
            })}
          </p>
          <ApiError
            error={error}
            messageFor={(e) => (e.code === 'PASSWORD_RESET_INVALID' ? t('passwordReset.invalid') : undefined)}
          />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              id="reset-password"
              label={t('account.password')}
              type="password"
              autoComplete="new-password"
              value={form.password}
              error={errors.password}
              hint={t('account.passwordHint', { count: MIN_PASSWORD_LENGTH })}
              onChange={(event) => setForm((prev) => ({ ...prev, password: event.target.value }))}
            />
            <TextField
              id="reset-repeat"
              label={t('account.repeatPassword')}
              type="password"
              autoComplete="new-password"
              value={form.repeat}
              error={errors.repeat}
              onChange={(event) => setForm((prev) => ({ ...prev, repeat: event.target.value }))}
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
