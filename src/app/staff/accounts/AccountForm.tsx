// A new staff account: username, name, a starting password the person is told in person (at least
// MIN_PASSWORD_LENGTH characters), and the roles.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/organisation';
import type { RoleAssignment } from '../../../shared/api/staff';
import { accountsApi } from '../api/accounts';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { RolesEditor } from './RolesEditor';
import { NewAccountFields } from '../session/NewAccountFields';
import { validateNewAccount, type AccountFieldErrors } from '../session/validate-account';
import { rolesError, uniqueRoles } from './validate-roles';

export function AccountForm({ units, onDone }: { units: readonly Unit[]; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('admin');
  const { request } = useSession();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [roles, setRoles] = useState<RoleAssignment[]>(() => [
    { role: 'leader', unitId: units.find((u) => u.parentId === null)?.id ?? units[0]?.id ?? null },
  ]);
  const [errors, setErrors] = useState<AccountFieldErrors & { roles?: string }>({});
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { ...validateNewAccount(form, t), roles: rolesError(roles, t) };
    if (!found.roles) delete found.roles;
    setErrors(found);
    setError(undefined);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first === 'roles' ? 'account-roles' : `account-${first}`)?.focus();
      return;
    }
    setIsBusy(true);
    try {
      await accountsApi(request).create({
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
        roles: uniqueRoles(roles),
      });
      onDone(true);
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      <NewAccountFields
        idPrefix="account"
        form={form}
        errors={errors}
        isOwnAccount={false}
        onChange={(field, value) => setForm((prev) => ({ ...prev, [field]: value }))}
      />
      <div id="account-roles" tabIndex={-1}>
        <RolesEditor roles={roles} units={units} onChange={setRoles} error={errors.roles} />
      </div>
      <ApiError error={error} focus />
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('accounts.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
