// Change a focus factor's kind (keep up or improve) and why it was chosen, while the plan is a draft.
// The factor itself does not change: remove it and choose another instead.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FocusFactor, FocusKind } from '../../../shared/api/plans';
import { FocusFields } from './FocusFields';
import { FormEnd } from './FormEnd';
import { usePlanChange, usePlanContext } from './PlanContext';

export function FocusEditForm({ focus, onDone }: { focus: FocusFactor; onDone: (message?: string) => void }) {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const [kind, setKind] = useState<FocusKind>(focus.kind);
  const [why, setWhy] = useState(focus.why);
  const id = `plan-focus-edit-${focus.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await change.run((api) => api.updateFocus(plan.id, focus.id, { kind, why: why.trim() }));
    if (saved) onDone(t('focus.saved'));
  };

  return (
    <form className="admin-form plan-form" onSubmit={(event) => void submit(event)}>
      <FocusFields idPrefix={id} kind={kind} onKind={setKind} why={why} onWhy={setWhy} />
      <FormEnd
        error={change.error}
        busy={change.isBusy}
        saveLabel={t('measure.saveEdit')}
        onCancel={() => onDone()}
      />
    </form>
  );
}
