// Choose a focus factor: which of the ten (not one already chosen), keep it up or improve it, and
// why the unit chose it. The server fills in the unit's figure from the report the plan builds on.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FocusKind } from '../../../shared/api/plans';
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import { SelectField } from '../ui/SelectField';
import { useFactorName } from './labels';
import { FocusFields } from './FocusFields';
import { FormEnd } from './FormEnd';
import { usePlanChange, usePlanContext } from './PlanContext';

export function AddFocusForm({ onDone }: { onDone: (message?: string) => void }) {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const factorName = useFactorName();
  const taken = new Set(plan.focusFactors.map((f) => f.factorId));
  const free = FACTOR_IDS.filter((id) => !taken.has(id));
  const hasKeep = plan.focusFactors.some((f) => f.kind === 'keep');
  const [factorId, setFactorId] = useState<FactorId>(free[0]!);
  const [kind, setKind] = useState<FocusKind>(hasKeep ? 'improve' : 'keep');
  const [why, setWhy] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await change.run((api) => api.addFocus(plan.id, { factorId, kind, why: why.trim() }));
    if (saved) onDone(t('focus.added', { factor: factorName(factorId) }));
  };

  return (
    <form
      className="admin-form plan-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="plan-add-focus-title"
    >
      <h3 id="plan-add-focus-title">{t('focus.addTitle')}</h3>
      <SelectField
        id="plan-focus-factor"
        label={t('focus.factor')}
        value={factorId}
        onChange={(event) => setFactorId(event.target.value as FactorId)}
      >
        {free.map((id) => (
          <option key={id} value={id}>
            {factorName(id)}
          </option>
        ))}
      </SelectField>
      <FocusFields idPrefix="plan-focus" kind={kind} onKind={setKind} why={why} onWhy={setWhy} />
      <FormEnd
        error={change.error}
        busy={change.isBusy}
        saveLabel={t('focus.save')}
        onCancel={() => onDone()}
      />
    </form>
  );
}
