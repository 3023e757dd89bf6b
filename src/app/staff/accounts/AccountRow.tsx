// One account in the table. Its roles can be changed in a row that opens below it; an account can
// be deleted, except one's own (signing oneself out that way helps nobody); another person can be
// given a one-time password link or signed out everywhere (SessionActions).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/organisation';
import { MUNICIPALITY_WIDE_ROLES, type Account } from '../../../shared/api/staff';
import { formatDate } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { accountsApi } from '../api/accounts';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { RolesEdit } from './RolesEdit';
import { SessionActions } from './SessionActions';

interface Props {
  account: Account;
  units: readonly Unit[];
  onChanged: () => void;
}

export function AccountRow({ account, units, onChanged }: Props) {
  const { t, i18n } = useTranslation('admin');
  const { t: ts, ready } = useTranslation('signin');
  const lng = normaliseLanguage(i18n.language);
  const { request, user } = useSession();
  const [isEditing, setIsEditing] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? id ?? '';
  const roleText = (r: Account['roles'][number]) =>
    MUNICIPALITY_WIDE_ROLES.includes(r.role)
      ? t(`roles.${r.role}`)
      : t('accounts.roleOn', { role: t(`roles.${r.role}`), unit: unitName(r.unitId) });

  async function remove() {
    setError(undefined);
    try {
      await accountsApi(request).remove(account.id);
      onChanged();
    } catch (caught) {
      setError(toStaffApiError(caught));
    }
  }

  return (
    <>
      <tr>
        <th scope="row">{account.displayName}</th>
        <td>
          {account.username}
          {account.signIn === 'oidc' && ready && <span className="hint"> {ts('accounts.viaProvider')}</span>}
        </td>
        <td>
          <ul className="admin-plain-list">
            {account.roles.map((r) => (
              <li key={`${r.role}/${r.unitId ?? ''}`}>{roleText(r)}</li>
            ))}
          </ul>
        </td>
        <td>{formatDate(account.createdOn, lng)}</td>
        <td className="admin-table__actions">
          <button
            type="button"
            className="button button--small button--secondary"
            aria-expanded={isEditing}
            aria-label={t('accounts.editRolesNamed', { name: account.displayName })}
            onClick={() => setIsEditing(!isEditing)}
          >
            {t('accounts.editRoles')}
          </button>
          {account.id !== user?.id && (
            <ConfirmButton
              label={t('accounts.delete')}
              ariaLabel={t('accounts.deleteNamed', { name: account.displayName })}
              question={t('accounts.deleteQuestion', { name: account.displayName })}
              confirmLabel={t('accounts.delete')}
              danger
              onConfirm={remove}
            />
          )}
          {account.id !== user?.id && <SessionActions account={account} />}
          <ApiError
            error={error}
            messageFor={(e) => (e.code === 'LAST_ADMIN' ? t('accounts.lastAdmin') : undefined)}
          />
        </td>
      </tr>
      {isEditing && (
        <tr className="admin-table__editor">
          <td colSpan={5}>
            <RolesEdit
              account={account}
              units={units}
              onDone={(saved) => {
                setIsEditing(false);
                if (saved) onChanged();
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
