// The search of the audit log: person (from the accounts), unit, kind of entry and period. The
// choices are sent only when the person presses Search, so a half-typed date loads nothing.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLogQuery } from '../../../shared/api/audit';
import type { Unit } from '../../../shared/api/organisation';
import type { Account } from '../../../shared/api/staff';
import { AUDIT_ACTIONS } from '../../../shared/audit';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { actionKey } from './audit-texts';

export type AuditFilter = Pick<AuditLogQuery, 'actor' | 'unit' | 'action' | 'from' | 'to'>;

interface Props {
  accounts: readonly Account[];
  units: readonly Unit[];
  onSearch: (filter: AuditFilter) => void;
}

export function AuditFilters({ accounts, units, onSearch }: Props) {
  const { t } = useTranslation('audit');
  const [form, setForm] = useState({ actor: '', unit: '', action: '', from: '', to: '' });
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((prev) => ({ ...prev, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const filter: AuditFilter = {};
    if (form.actor) filter.actor = form.actor;
    if (form.unit) filter.unit = form.unit;
    if (form.action) filter.action = form.action as AuditFilter['action'];
    if (form.from) filter.from = form.from;
    if (form.to) filter.to = form.to;
    onSearch(filter);
  }

  return (
    <form className="audit-filters" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('filters.legend')}</legend>
        <SelectField
          id="audit-actor"
          label={t('filters.person')}
          value={form.actor}
          onChange={(e) => set('actor')(e.target.value)}
        >
          <option value="">{t('filters.anyPerson')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {`${a.displayName} (${a.username})`}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="audit-unit"
          label={t('filters.unit')}
          value={form.unit}
          onChange={(e) => set('unit')(e.target.value)}
        >
          <option value="">{t('filters.anyUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="audit-action"
          label={t('filters.kind')}
          value={form.action}
          onChange={(e) => set('action')(e.target.value)}
        >
          <option value="">{t('filters.anyKind')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`actions.${actionKey(action)}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="audit-from"
          type="date"
          label={t('filters.from')}
          value={form.from}
          onChange={(e) => set('from')(e.target.value)}
        />
        <TextField
          id="audit-to"
          type="date"
          label={t('filters.to')}
          value={form.to}
          onChange={(e) => set('to')(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('filters.search')}
        </button>
      </fieldset>
    </form>
  );
}
