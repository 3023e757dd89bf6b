// A gentle nudge while the round is open: which of the units the person sees have too few answers
// for a report of their own (below the round's threshold) or are far from the participation goal,
// and what a leader can do about it (explain, give meaning, involve). Only units that someone was
// invited in (codes issued, an employee count, or answers) are named; a unit above them with no
// employees of its own is left out. Nothing here says who has answered: counts only. Its texts are
// the `preparation` namespace, loaded when it first shows.
import { useTranslation } from 'react-i18next';
import type { AdminRound, UnitProgress } from '../../../shared/api/organisation';
import { osloDate } from '../../../shared/dates';
import { FAR_FROM_GOAL, PARTICIPATION_GOAL } from '../../../shared/preparation';
import { normaliseLanguage } from '../../i18n/i18n';
import { formatPercent } from '../../ui/format';

interface Props {
  round: Pick<AdminRound, 'id' | 'status' | 'opensOn' | 'closesOn' | 'threshold'>;
  units: readonly UnitProgress[];
  today?: string;
}

export function nudgeUnits(units: readonly UnitProgress[], threshold: number) {
  const counted = units.filter((u) => (u.invited ?? 0) > 0 || u.answered > 0);
  const below = counted.filter((u) => u.answered < threshold);
  const far = counted.filter((u) => u.answered >= threshold && u.rate !== null && u.rate < FAR_FROM_GOAL);
  return { below, far };
}

export function ParticipationNudge({ round, units, today = osloDate() }: Props) {
  const { t, i18n, ready } = useTranslation('preparation');
  const lng = normaliseLanguage(i18n.language);
  const isRunning = round.status === 'open' && round.opensOn <= today && today <= round.closesOn;
  if (!ready || !isRunning) return null;
  const { below, far } = nudgeUnits(units, round.threshold);
  if (below.length === 0 && far.length === 0) return null;

  return (
    <aside className="nudge" aria-labelledby={`nudge-${round.id}`}>
      <h3 id={`nudge-${round.id}`}>{t('nudge.title')}</h3>
      {below.length > 0 && (
        <>
          <p>{t('nudge.belowThreshold', { count: round.threshold })}</p>
          <ul>
            {below.map((u) => (
              <li key={u.unitId}>{t('nudge.unitAnswered', { unit: u.name, count: u.answered })}</li>
            ))}
          </ul>
        </>
      )}
      {far.length > 0 && (
        <>
          <p>{t('nudge.farFromGoal', { goal: formatPercent(PARTICIPATION_GOAL, lng, 0) })}</p>
          <ul>
            {far.map((u) => (
              <li key={u.unitId}>
                {t('nudge.unitRate', { unit: u.name, rate: formatPercent(u.rate ?? 0, lng, 0) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('nudge.whatYouCanDo')}</h4>
      <dl className="nudge__advice">
        <dt>{t('nudge.explainTitle')}</dt>
        <dd>{t('nudge.explain')}</dd>
        <dt>{t('nudge.meaningTitle')}</dt>
        <dd>{t('nudge.meaning')}</dd>
        <dt>{t('nudge.involveTitle')}</dt>
        <dd>{t('nudge.involve')}</dd>
      </dl>
    </aside>
  );
}
