// Changes the roles of an existing account. They apply from the person's next request.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/organisation';
import type { Account, RoleAssignment } from '../../../shared/api/staff';
import { accountsApi } from '../api/accounts';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { RolesEditor } from './RolesEditor';
import { rolesError, uniqueRoles } from './validate-roles';

interface Props {
  account: Account;
  units: readonly Unit[];
  onDone: (saved: boolean) => void;
}

export function RolesEdit({ account, units, onDone }: Props) {
  const { t } = useTranslation('admin');
  const { request } = useSession();
  const [roles, setRoles] = useState<RoleAssignment[]>(account.roles);
  const [invalid, setInvalid] = useState<string>();
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = rolesError(roles, t);
    setInvalid(problem);
    if (problem) return;
    setIsBusy(true);
    try {
      await accountsApi(request).updateRoles(account.id, { roles: uniqueRoles(roles) });
      onDone(true);
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('accounts.editRolesNamed', { name: account.displayName })}
    >
      <RolesEditor roles={roles} units={units} onChange={setRoles} error={invalid} />
      <ApiError
        error={error}
        messageFor={(e) => (e.code === 'LAST_ADMIN' ? t('accounts.lastAdmin') : undefined)}
      />
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
