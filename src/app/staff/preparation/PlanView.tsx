// One round's progress plan: now and next, the phases in order, the poster link, and the admin's
// date form.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreparationPlan } from '../../../shared/api/preparation';
import { roundName } from '../../../shared/rounds';
import { normaliseLanguage } from '../../i18n/i18n';
import { formatDateRange } from '../../ui/format';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { NowAndNext } from './NowAndNext';
import { PhaseEditor } from './PhaseEditor';
import { PhaseList } from './PhaseList';
import { PREPARATION_PATHS } from './paths';

interface Props {
  plan: PreparationPlan;
  today: string;
  onSaved: () => void;
}

export function PlanView({ plan, today, onSaved }: Props) {
  const { t, i18n } = useTranslation('preparation');
  const lng = normaliseLanguage(i18n.language);
  const { user } = useSession();
  const { round } = plan;
  return (
    <section className="preparation-plan" aria-labelledby="preparation-plan-title">
      <h2 id="preparation-plan-title">{roundName(round, lng)}</h2>
      <p>{t('period', { period: formatDateRange(round.opensOn, round.closesOn, lng) })}</p>
      <NowAndNext phases={plan.phases} today={today} />
      <p>
        <Link to={PREPARATION_PATHS.poster(round.id)}>{t('posterLink')}</Link>
      </p>
      <h3>{t('planTitle')}</h3>
      <PhaseList phases={plan.phases} today={today} />
      {isAdmin(user) && <PhaseEditor plan={plan} onSaved={onSaved} />}
    </section>
  );
}
