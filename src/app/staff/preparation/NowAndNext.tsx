// What is going on today and what comes next, above the full list: the line a leader or a rep
// looks for when they open the screen.
import { useTranslation } from 'react-i18next';
import type { PreparationPhaseEntry } from '../../../shared/api/preparation';
import { currentOrNext } from '../../../shared/preparation';
import { normaliseLanguage } from '../../i18n/i18n';
import { phaseDates } from './phase-dates';

export function NowAndNext({ phases, today }: { phases: readonly PreparationPhaseEntry[]; today: string }) {
  const { t, i18n } = useTranslation('preparation');
  const lng = normaliseLanguage(i18n.language);
  const { now, next } = currentOrNext(phases, today);
  if (now.length === 0 && !next) return <p className="preparation-next">{t('allDone')}</p>;
  return (
    <dl className="preparation-next">
      {now.map((phase) => (
        <div key={phase.phase}>
          <dt>{t('nowLabel')}</dt>
          <dd>
            <strong>{t(`phase.${phase.phase}.name`)}</strong> ({phaseDates(phase, lng)}):{' '}
            {t(`phase.${phase.phase}.what`)}
          </dd>
        </div>
      ))}
      {next && (
        <div>
          <dt>{t('nextLabel')}</dt>
          <dd>
            <strong>
              {t('nextPhase', { phase: t(`phase.${next.phase}.name`), date: phaseDates(next, lng) })}
            </strong>
            {': '}
            {t(`phase.${next.phase}.what`)}
          </dd>
        </div>
      )}
    </dl>
  );
}
