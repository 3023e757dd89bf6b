// The unit's "Dette gjør vi" link: the leader makes it (or a new one, which stops the old link at
// once) and sees it this one time, with the poster for the staff room; only its hash is kept on
// the server. Nothing in the public page names a person who answered (src/shared/api/plans.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicLinkResponse } from '../../../shared/api/plans';
import { formatDate } from '../../ui/format';
import { PUBLIC_PLAN_PATHS, publicPlanLink } from '../../ui/plan-paths';
import { useLanguage } from '../../i18n/useLanguage';
import { plansApi } from '../api/plans';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ResultMessage } from '../ui/ResultMessage';
import { PlanApiError } from './PlanApiError';
import { usePlanContext } from './PlanContext';

export function PublicLinkSection() {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { plan } = usePlanContext();
  const { request } = useSession();
  const [made, setMade] = useState<PublicLinkResponse>();
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const existing = made ? { createdOn: made.createdOn } : plan.publicLink;
  if (!plan.can.edit) return null;

  const make = async () => {
    setIsBusy(true);
    setError(undefined);
    try {
      setMade(await plansApi(request).renewPublicLink(plan.id));
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };
  const link = made ? publicPlanLink(window.location.origin, made.token) : '';

  return (
    <section className="admin-section plan-public" aria-labelledby="plan-public-title">
      <h2 id="plan-public-title">{t('publicLink.title')}</h2>
      <p>{t('publicLink.intro')}</p>
      {existing && !made && (
        <p>{t('publicLink.exists', { date: formatDate(existing.createdOn, language) })}</p>
      )}
      <ResultMessage text={made ? t('publicLink.made') : ''} />
      {made && (
        <div className="plan-public__link">
          <p className="hint">{t('publicLink.onlyNow')}</p>
          <p>
            <a href={PUBLIC_PLAN_PATHS.page(made.token)}>{link}</a>
          </p>
          <p>
            <a href={PUBLIC_PLAN_PATHS.poster(made.token)}>{t('publicLink.poster')}</a>
          </p>
        </div>
      )}
      {existing ? (
        <ConfirmButton
          label={t('publicLink.renew')}
          question={t('publicLink.renewQuestion')}
          confirmLabel={t('publicLink.renewConfirm')}
          disabled={isBusy}
          onConfirm={make}
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={isBusy}
          onClick={() => void make()}
        >
          {t('publicLink.make')}
        </button>
      )}
      <PlanApiError error={error} focus />
    </section>
  );
}
