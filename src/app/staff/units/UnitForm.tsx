// Add or change one unit: name, unit type (for the national comparison later), number of
// employees (the response rate of an open-kiosk unit is answers / employees) and open kiosk mode.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitType } from '../../../shared/api/organisation';
import { normaliseLanguage } from '../../i18n/i18n';
import { ApiError } from '../ui/ApiError';
import { SelectField } from '../ui/SelectField';
import { CheckField } from '../ui/CheckField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';

interface Props {
  /** The unit to change; without it a new unit is added under parentId. */
  unit?: Unit;
  parentId: string | null;
  unitTypes: readonly UnitType[];
  onDone: (saved: boolean) => void;
}

export function UnitForm({ unit, parentId, unitTypes, onDone }: Props) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const id = useId();
  const action = useAction();
  const [name, setName] = useState(unit?.name ?? '');
  const [unitType, setUnitType] = useState(unit?.unitType ?? '');
  const [employees, setEmployees] = useState(unit?.employeeCount?.toString() ?? '');
  const [openKiosk, setOpenKiosk] = useState(unit?.openKiosk ?? false);
  const [errors, setErrors] = useState<{ name?: string; employees?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const count = employees.trim() === '' ? null : Number(employees);
    const found = {
      name: name.trim() ? undefined : t('units.nameMissing'),
      employees:
        count === null || (Number.isInteger(count) && count >= 0) ? undefined : t('units.employeesInvalid'),
    };
    setErrors(found);
    if (found.name || found.employees) {
      document.getElementById(found.name ? `${id}-name` : `${id}-employees`)?.focus();
      return;
    }
    const body = { name: name.trim(), unitType: unitType || null, employeeCount: count, openKiosk };
    const saved = await action.run((api) =>
      unit ? api.updateUnit(unit.id, body) : api.createUnit({ ...body, parentId }),
    );
    if (saved) onDone(true);
  }

  return (
    <form className="admin-form admin-form--inline" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        id={`${id}-name`}
        label={t('units.name')}
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        id={`${id}-type`}
        label={t('units.type')}
        value={unitType}
        onChange={(event) => setUnitType(event.target.value)}
      >
        <option value="">{t('units.noType')}</option>
        {unitTypes.map((type) => (
          <option key={type.code} value={type.code}>
            {type.label[lng]}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-employees`}
        label={t('units.employees')}
        hint={t('units.employeesHint')}
        inputMode="numeric"
        className="admin-field--short"
        value={employees}
        error={errors.employees}
        onChange={(event) => setEmployees(event.target.value)}
      />
      <CheckField
        id={`${id}-kiosk`}
        label={t('units.openKiosk')}
        hint={t('units.openKioskHint')}
        checked={openKiosk}
        onChange={setOpenKiosk}
      />
      <ApiError error={action.error} focus />
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={action.isBusy}>
          {unit ? t('common.save') : t('units.add')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
