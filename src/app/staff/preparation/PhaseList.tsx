// The phases of the plan in order, each with its dates, where it stands today, what it means and
// the admin's note. The state is written out, never only a colour.
import { useTranslation } from 'react-i18next';
import type { PreparationPhaseEntry } from '../../../shared/api/preparation';
import { phaseState } from '../../../shared/preparation';
import { normaliseLanguage } from '../../i18n/i18n';
import { phaseDates } from './phase-dates';

export function PhaseList({ phases, today }: { phases: readonly PreparationPhaseEntry[]; today: string }) {
  const { t, i18n } = useTranslation('preparation');
  const lng = normaliseLanguage(i18n.language);
  return (
    <ol className="phase-list">
      {phases.map((phase) => {
        const state = phaseState(phase, today);
        return (
          <li key={phase.phase} className={`phase-list__item phase-list__item--${state}`}>
            <p className="phase-list__head">
              <strong>{t(`phase.${phase.phase}.name`)}</strong>
              <span className="phase-list__dates">{phaseDates(phase, lng)}</span>
              <span className={`phase-state phase-state--${state}`}>{t(`state.${state}`)}</span>
            </p>
            <p className="phase-list__what">{t(`phase.${phase.phase}.what`)}</p>
            {phase.note && <p className="phase-list__note">{phase.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
