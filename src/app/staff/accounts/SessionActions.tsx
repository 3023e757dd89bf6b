// What an admin can do for another person's sign-in (issue 15): make a one-time link to set a new
// password (shown here once, to copy and hand over; making it signs the person out), or sign the
// person out on every device. Both are in the audit log.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/api/staff';
import { osloDate } from '../../../shared/dates';
import { formatDate } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { auditApi } from '../api/audit';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ResultMessage } from '../ui/ResultMessage';

/** The page the link opens (App.tsx routes it, outside the session). */
export const passwordLinkUrl = (token: string) => `${window.location.origin}/nytt-passord/${token}`;

export function SessionActions({ account }: { account: Account }) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const { request } = useSession();
  const id = useId();
  const [link, setLink] = useState<{ url: string; expiresAt: string }>();
  const [result, setResult] = useState('');
  const [error, setError] = useState<StaffApiError>();
  const name = account.displayName;

  async function act(action: () => Promise<void>) {
    setError(undefined);
    setResult('');
    try {
      await action();
    } catch (caught) {
      setError(toStaffApiError(caught));
    }
  }
  const makeLink = () =>
    act(async () => {
      const made = await auditApi(request).passwordLink(account.id);
      setLink({ url: passwordLinkUrl(made.token), expiresAt: made.expiresAt });
      setResult(t('sessions.linkMade', { name }));
    });
  const endSessions = () =>
    act(async () => {
      await auditApi(request).endSessions(account.id);
      setLink(undefined);
      setResult(t('sessions.ended', { name }));
    });

  return (
    <>
      {/* The identity provider keeps the password of an account made at sign-in through it. */}
      {account.signIn !== 'oidc' && (
        <ConfirmButton
          label={t('sessions.makeLink')}
          ariaLabel={t('sessions.makeLinkNamed', { name })}
          question={t('sessions.makeLinkQuestion', { name })}
          confirmLabel={t('sessions.makeLink')}
          onConfirm={makeLink}
        />
      )}
      <ConfirmButton
        label={t('sessions.end')}
        ariaLabel={t('sessions.endNamed', { name })}
        question={t('sessions.endQuestion', { name })}
        confirmLabel={t('sessions.end')}
        onConfirm={endSessions}
      />
      <ResultMessage text={result} />
      {link && (
        <div className="admin-field">
          <label htmlFor={`${id}-link`} className="field-label">
            {t('sessions.linkLabel', { name })}
          </label>
          <input
            id={`${id}-link`}
            type="text"
            readOnly
            value={link.url}
            aria-describedby={`${id}-hint`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <p id={`${id}-hint`} className="hint">
            {t('sessions.linkHint', { date: formatDate(osloDate(new Date(link.expiresAt)), lng) })}
          </p>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => void navigator.clipboard?.writeText(link.url)}
          >
            {t('sessions.copy')}
          </button>
        </div>
      )}
      <ApiError error={error} />
    </>
  );
}
