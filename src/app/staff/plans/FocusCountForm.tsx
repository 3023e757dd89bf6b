// The municipality's number of focus factors per plan (1 to 3; KS's two by default), set by admin on
// the follow-up overview. Plans already agreed keep what they chose; new choices follow the setting.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FOCUS_FACTORS, MIN_FOCUS_FACTORS } from '../../../shared/api/plans';
import { plansApi } from '../api/plans';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ResultMessage } from '../ui/ResultMessage';
import { SelectField } from '../ui/SelectField';
import { useStaffQuery } from '../ui/useStaffQuery';
import { PlanApiError } from './PlanApiError';

export function FocusCountForm() {
  const settings = useStaffQuery((request) => plansApi(request).settings(), 'plan-settings');
  if (!settings.data) return <PlanApiError error={settings.error} />;
  return <CountForm initial={settings.data.focusFactorCount} />;
}

function CountForm({ initial }: { initial: number }) {
  const { t } = useTranslation('followup');
  const { request } = useSession();
  const [count, setCount] = useState(initial);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const options = Array.from(
    { length: MAX_FOCUS_FACTORS - MIN_FOCUS_FACTORS + 1 },
    (_, i) => i + MIN_FOCUS_FACTORS,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setMessage('');
    setError(undefined);
    try {
      const saved = await plansApi(request).saveSettings({ focusFactorCount: count });
      setMessage(t('settings.saved', { count: saved.focusFactorCount }));
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="admin-form admin-form--inline no-print" onSubmit={(event) => void submit(event)}>
      <SelectField
        id="plan-focus-count"
        label={t('settings.label')}
        hint={t('settings.hint')}
        value={String(count)}
        onChange={(event) => setCount(Number(event.target.value))}
      >
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary" disabled={isBusy}>
        {t('settings.save')}
      </button>
      <ResultMessage text={message} />
      <PlanApiError error={error} focus />
    </form>
  );
}
