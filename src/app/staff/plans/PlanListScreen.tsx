// /admin/oppfolging — the person's units in a published round, each with its plan's state and a
// link to open or start it; admin also reaches the follow-up overview from here.
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { isAdmin } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { SelectField } from '../ui/SelectField';
import { PlanApiError } from './PlanApiError';
import { PLAN_PATHS } from './paths';
import { PlanStatusTag } from './PlanStatusTag';
import { usePlanList } from './usePlans';

export function PlanListScreen() {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const list = usePlanList(search.get('runde') ?? undefined);
  const data = list.data;
  return (
    <div className="screen admin-screen plans">
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      {isAdmin(user) && (
        <p>
          <Link to={PLAN_PATHS.overview}>{t('list.overviewLink')}</Link>
        </p>
      )}
      <PlanApiError error={list.error} />
      {list.isLoading && <p role="status">{t('common.loading')}</p>}
      {data && data.rounds.length === 0 && <p className="admin-notice">{t('list.noRounds')}</p>}
      {data && data.rounds.length > 1 && (
        <SelectField
          id="plans-round"
          label={t('list.round')}
          value={data.roundId ?? ''}
          onChange={(event) => setSearch({ runde: event.target.value })}
        >
          {data.rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {round.name}
            </option>
          ))}
        </SelectField>
      )}
      {data?.roundId && (
        <ul className="plan-units">
          {data.units.map((unit) => (
            <li key={unit.unitId}>
              <Link
                to={unit.plan ? PLAN_PATHS.plan(unit.plan.id) : PLAN_PATHS.unit(data.roundId!, unit.unitId)}
              >
                {unit.name}
              </Link>{' '}
              {unit.plan ? (
                <>
                  <PlanStatusTag status={unit.plan.status} />
                  {unit.plan.nextReviewOn && (
                    <span className="admin-table__small">
                      {' '}
                      {t('list.nextReview', { date: formatDate(unit.plan.nextReviewOn, language) })}
                    </span>
                  )}
                </>
              ) : (
                <span className="admin-table__small">{t('list.noPlan')}</span>
              )}
              {unit.basedOnUnitId && <span className="unit-tag">{t('list.basedOnParent')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
