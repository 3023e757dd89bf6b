// /admin/oppfolging/runde/:roundId/enhet/:unitId — where the report's button leads: the unit's
// plan for the round if it has one (opened at once), else the start of one. A unit without its
// own report is told that the plan builds on the results above it. When an earlier round had a
// plan, each of its focus factors can be continued, changed (same factor, new goals and
// measures) or left, so a new factor can be chosen instead.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreatePlanRequest } from '../../../shared/api/plans';
import { plansApi } from '../api/plans';
import { hasRole } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { RadioChoices } from './fields';
import { useFactorName, useFigure } from './labels';
import { PlanApiError } from './PlanApiError';
import { PLAN_PATHS } from './paths';
import { PrivacyNote } from './PlanMeta';
import { usePlanList, usePreviousPlan } from './usePlans';

type Choice = 'continue' | 'change' | 'new';

export function PlanUnitScreen() {
  const { t } = useTranslation('followup');
  const { roundId = '', unitId = '' } = useParams();
  const { user, request } = useSession();
  const navigate = useNavigate();
  const list = usePlanList(roundId);
  const previous = usePreviousPlan(roundId, unitId);
  const factorName = useFactorName();
  const figure = useFigure();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<StaffApiError>();
  const unit = list.data?.units.find((u) => u.unitId === unitId);
  const earlier = previous.data?.previous;

  if (unit?.plan) return <Navigate to={PLAN_PATHS.plan(unit.plan.id)} replace />;
  const basedOn = unit?.basedOnUnitId
    ? list.data?.units.find((u) => u.unitId === unit.basedOnUnitId)
    : undefined;
  const mayStart = hasRole(user, 'leader');

  const start = async () => {
    setIsBusy(true);
    setError(undefined);
    const carryOver: CreatePlanRequest['carryOver'] = (earlier?.focusFactors ?? []).flatMap((f) => {
      const choice = choices[f.id] ?? 'continue';
      return choice === 'new' ? [] : [{ focusFactorId: f.id, choice }];
    });
    try {
      const plan = await plansApi(request).create({
        roundId,
        unitId,
        ...(carryOver.length > 0 && { carryOver }),
      });
      void navigate(PLAN_PATHS.plan(plan.id));
    } catch (caught) {
      setError(toStaffApiError(caught));
      setIsBusy(false);
    }
  };

  return (
    <div className="screen admin-screen plan">
      <p>
        <Link to={PLAN_PATHS.listFor(roundId)}>{t('plan.back')}</Link>
      </p>
      <h1>{unit ? t('start.title', { unit: unit.name }) : t('plan.loadingTitle')}</h1>
      <PlanApiError error={list.error ?? previous.error} />
      {(list.isLoading || previous.isLoading) && <p role="status">{t('common.loading')}</p>}
      {list.data && !unit && <p className="admin-notice">{t('start.notYours')}</p>}
      {unit && (
        <>
          <p>{t('start.intro')}</p>
          {unit.basedOnUnitId && (
            <p className="admin-notice">
              {t('start.basedOn', { unit: basedOn?.name ?? t('start.parentUnit') })}
            </p>
          )}
          {earlier && earlier.focusFactors.length > 0 && (
            <section className="admin-section" aria-labelledby="plan-carry-title">
              <h2 id="plan-carry-title">{t('start.previousTitle', { round: earlier.roundName })}</h2>
              <p>{t('start.previousIntro')}</p>
              {earlier.focusFactors.map((f) => (
                <RadioChoices
                  key={f.id}
                  name={`plan-carry-${f.id}`}
                  legend={t('start.factorLegend', {
                    factor: factorName(f.factorId),
                    kind: t(`kind.${f.kind}`),
                    earlier: figure(f.earlierFigure),
                    now: figure(f.newFigure),
                  })}
                  value={choices[f.id] ?? 'continue'}
                  onChange={(choice) => setChoices({ ...choices, [f.id]: choice })}
                  options={[
                    { value: 'continue', label: t('start.continue') },
                    { value: 'change', label: t('start.change') },
                    { value: 'new', label: t('start.new') },
                  ]}
                />
              ))}
            </section>
          )}
          {mayStart ? (
            <>
              <PrivacyNote />
              <PlanApiError error={error} focus />
              <button
                type="button"
                className="button button--primary"
                disabled={isBusy}
                onClick={() => void start()}
              >
                {t('start.button')}
              </button>
            </>
          ) : (
            <p className="hint">{t('start.leaderOnly')}</p>
          )}
        </>
      )}
    </div>
  );
}
