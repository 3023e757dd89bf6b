// The mapping from the provider's app roles (or group ids) to tifaktor roles: one row per line,
// each with where the value comes from, the value, the role and (for leader and the reps) the
// unit. A fieldset per row, so its controls are read with the row's number; errors are tied to
// the field they are about, and focus goes to the first one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OIDC_CLAIMS, type OidcClaim, type OidcRoleMapping } from '../../../shared/api/oidc';
import type { Unit } from '../../../shared/api/organisation';
import { MUNICIPALITY_WIDE_ROLES, STAFF_ROLES, type StaffRole } from '../../../shared/api/staff';
import { ApiError } from '../ui/ApiError';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { UnitOptions } from '../ui/UnitOptions';
import { useOidcAction } from './useOidcAction';

const isWide = (role: StaffRole) => MUNICIPALITY_WIDE_ROLES.includes(role);

export function RoleMappingsForm({
  mappings,
  units,
}: {
  mappings: OidcRoleMapping[];
  units: readonly Unit[];
}) {
  const { t } = useTranslation(['signin', 'admin']);
  const action = useOidcAction();
  const [rows, setRows] = useState<OidcRoleMapping[]>(mappings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSaved, setIsSaved] = useState(false);
  const firstUnit = units.find((u) => u.parentId === null)?.id ?? units[0]?.id ?? null;

  const update = (index: number, next: Partial<OidcRoleMapping>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...next } : row)));
  const setRole = (index: number, role: StaffRole) =>
    update(index, { role, unitId: isWide(role) ? null : (rows[index]?.unitId ?? firstUnit) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((row, i) => {
      if (!row.value.trim()) found[`oidc-value-${i}`] = t('settings.valueMissing');
      if (!isWide(row.role) && !row.unitId) found[`oidc-unit-${i}`] = t('settings.unitMissing');
    });
    setErrors(found);
    setIsSaved(false);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    const cleaned = rows.map((row) => ({ ...row, value: row.value.trim() }));
    const saved = await action.run((api) => api.saveMappings({ mappings: cleaned }));
    if (saved) {
      setRows(saved.value.mappings);
      setIsSaved(true);
    }
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      {rows.length === 0 && <p>{t('settings.none')}</p>}
      <ol className="roles-editor__list">
        {rows.map((row, index) => (
          <li key={index}>
            <fieldset className="roles-editor">
              <legend>{t('settings.mappingN', { n: index + 1 })}</legend>
              <SelectField
                id={`oidc-claim-${index}`}
                label={t('settings.claim')}
                value={row.claim}
                onChange={(event) => update(index, { claim: event.target.value as OidcClaim })}
              >
                {OIDC_CLAIMS.map((claim) => (
                  <option key={claim} value={claim}>
                    {t(`settings.claims.${claim}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`oidc-value-${index}`}
                label={t('settings.value')}
                autoCapitalize="none"
                spellCheck={false}
                value={row.value}
                error={errors[`oidc-value-${index}`]}
                onChange={(event) => update(index, { value: event.target.value })}
              />
              <SelectField
                id={`oidc-role-${index}`}
                label={t('settings.role')}
                value={row.role}
                onChange={(event) => setRole(index, event.target.value as StaffRole)}
              >
                {STAFF_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`admin:roles.${role}`)}
                  </option>
                ))}
              </SelectField>
              {isWide(row.role) ? (
                <p className="hint">{t('settings.wholeMunicipality')}</p>
              ) : (
                <SelectField
                  id={`oidc-unit-${index}`}
                  label={t('settings.unit')}
                  value={row.unitId ?? ''}
                  error={errors[`oidc-unit-${index}`]}
                  onChange={(event) => update(index, { unitId: event.target.value || null })}
                >
                  <UnitOptions units={units} />
                </SelectField>
              )}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                {t('settings.remove', { n: index + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => setRows([...rows, { claim: 'roles', value: '', role: 'leader', unitId: firstUnit }])}
      >
        {t('settings.add')}
      </button>
      <ApiError error={action.error} />
      <button type="submit" className="button button--primary" disabled={action.isBusy}>
        {t('settings.saveMappings')}
      </button>
      <p role="status" className="admin-saved">
        {isSaved ? t('admin:common.saved') : ''}
      </p>
    </form>
  );
}
