// The roles of one account: one row per role, with the unit it applies to (admin and the privacy
// officer have none: the whole municipality). A fieldset, so each row's controls are read with the legend.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/api/organisation';
import {
  MUNICIPALITY_WIDE_ROLES,
  STAFF_ROLES,
  type RoleAssignment,
  type StaffRole,
} from '../../../shared/api/staff';
import { UnitOptions } from '../ui/UnitOptions';

interface Props {
  roles: RoleAssignment[];
  units: readonly Unit[];
  onChange: (roles: RoleAssignment[]) => void;
  error?: string;
}

export function RolesEditor({ roles, units, onChange, error }: Props) {
  const { t } = useTranslation('admin');
  const id = useId();
  const firstUnit = units.find((u) => u.parentId === null)?.id ?? units[0]?.id ?? null;
  const update = (index: number, next: RoleAssignment) =>
    onChange(roles.map((r, i) => (i === index ? next : r)));
  const setRole = (index: number, role: StaffRole) =>
    update(index, {
      role,
      unitId: MUNICIPALITY_WIDE_ROLES.includes(role) ? null : (roles[index]?.unitId ?? firstUnit),
    });

  return (
    <fieldset className="roles-editor" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('accounts.roles')}</legend>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <ol className="roles-editor__list">
        {roles.map((assignment, index) => (
          <li key={index} className="roles-editor__row">
            <div className="admin-field">
              <label htmlFor={`${id}-role-${index}`} className="field-label">
                {t('accounts.roleN', { n: index + 1 })}
              </label>
              <select
                id={`${id}-role-${index}`}
                value={assignment.role}
                onChange={(event) => setRole(index, event.target.value as StaffRole)}
              >
                {STAFF_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </div>
            {!MUNICIPALITY_WIDE_ROLES.includes(assignment.role) && (
              <div className="admin-field">
                <label htmlFor={`${id}-unit-${index}`} className="field-label">
                  {t('accounts.roleUnitN', { n: index + 1 })}
                </label>
                <select
                  id={`${id}-unit-${index}`}
                  value={assignment.unitId ?? ''}
                  onChange={(event) => update(index, { ...assignment, unitId: event.target.value })}
                >
                  <UnitOptions units={units} />
                </select>
              </div>
            )}
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('accounts.removeRoleN', { n: index + 1 })}
              disabled={roles.length === 1}
              onClick={() => onChange(roles.filter((_, i) => i !== index))}
            >
              {t('accounts.removeRole')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => onChange([...roles, { role: 'leader', unitId: firstUnit }])}
      >
        {t('accounts.addRole')}
      </button>
    </fieldset>
  );
}
