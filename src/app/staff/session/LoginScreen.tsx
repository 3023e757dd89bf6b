// /admin/logg-inn — staff sign in with username and password. Wrong credentials and the rate
// limit (429) are said plainly in one alert, and focus goes back to the username so the next try
// starts at the top.
import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { ProviderSignIn } from './ProviderSignIn';
import { useSession } from './SessionContext';
import { ADMIN_PATHS } from '../ui/staff-paths';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { TextField } from '../ui/TextField';

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Where the person was going before the login screen, if it was a staff screen. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/admin') && from !== ADMIN_PATHS.login
    ? from
    : ADMIN_PATHS.home;
}

export function LoginScreen() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const usernameRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);

  const signedOut =
    session.signedOutReason === 'everywhere'
      ? t('login.signedOutEverywhere')
      : session.signedOutReason === 'here'
        ? t('login.signedOut')
        : session.signedOutReason === 'expired'
          ? t('errors.unauthenticated')
          : undefined;

  if (session.status === 'signed-in' && !isBusy) return <Navigate to={returnPath(location.state)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = {
      username: username.trim() ? undefined : t('login.usernameMissing'),
      password: password ? undefined : t('login.passwordMissing'),
    };
    setFieldErrors(errors);
    setError(undefined);
    if (errors.username || errors.password) {
      document.getElementById(errors.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    setIsBusy(true);
    try {
      const answer = await authApi(session.request).login({ username: username.trim(), password });
      session.signIn(answer);
      await navigate(returnPath(location.state), { replace: true });
    } catch (caught) {
      setError(toStaffApiError(caught));
      setPassword('');
      usernameRef.current?.focus();
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="screen admin-screen admin-login">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <ProviderSignIn />
      {signedOut && !error && (
        <p role="status" className="admin-notice">
          {signedOut}
        </p>
      )}
      <ApiError
        error={error}
        id="login-error"
        messageFor={(e) => (e.code === 'FORBIDDEN_ROLE' ? t('login.noRoles') : undefined)}
      />
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-describedby={error ? 'login-error' : undefined}
      >
        <TextField
          ref={usernameRef}
          id="login-username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          error={fieldErrors.username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          id="login-password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button button--primary admin-submit" disabled={isBusy}>
          {isBusy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
