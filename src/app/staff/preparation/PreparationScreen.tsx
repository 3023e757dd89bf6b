// /admin/forberedelse — the progress plan of a round that reaches the person's units: what is going
// on now and what comes next, every phase with its dates, the poster for the employees, and for
// the admin the form that dates the phases. With several rounds a picker chooses one (?runde=id);
// it starts on the newest round whose plan is not over.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PreparationPlan } from '../../../shared/api/preparation';
import { osloDate } from '../../../shared/dates';
import { phaseState } from '../../../shared/preparation';
import { roundName } from '../../../shared/rounds';
import { normaliseLanguage } from '../../i18n/i18n';
import { preparationApi } from '../api/preparation';
import { ApiError } from '../ui/ApiError';
import { SelectField } from '../ui/SelectField';
import { useStaffQuery } from '../ui/useStaffQuery';
import { PlanView } from './PlanView';

/** The newest round whose last phase has not ended, else the newest. */
export function startingPlan(plans: readonly PreparationPlan[], today: string): PreparationPlan | undefined {
  return plans.find((p) => p.phases.some((phase) => phaseState(phase, today) !== 'done')) ?? plans[0];
}

export function PreparationScreen() {
  const { t, i18n } = useTranslation('preparation');
  const lng = normaliseLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const query = useStaffQuery((request) => preparationApi(request).plans(), 'preparation');
  const plans = query.data?.plans ?? [];
  const today = osloDate();
  const plan = plans.find((p) => p.round.id === params.get('runde')) ?? startingPlan(plans, today);

  return (
    <div className="screen admin-screen preparation">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ApiError error={query.error} />
      {query.isLoading && <p role="status">{t('loading')}</p>}
      {query.data && plans.length === 0 && <p>{t('noRounds')}</p>}
      {plans.length > 1 && plan && (
        <SelectField
          id="preparation-round"
          label={t('roundLabel')}
          value={plan.round.id}
          onChange={(event) => setParams({ runde: event.target.value }, { replace: true })}
        >
          {plans.map((p) => (
            <option key={p.round.id} value={p.round.id}>
              {roundName(p.round, lng)}
            </option>
          ))}
        </SelectField>
      )}
      {plan && <PlanView key={plan.round.id} plan={plan} today={today} onSaved={query.reload} />}
    </div>
  );
}
