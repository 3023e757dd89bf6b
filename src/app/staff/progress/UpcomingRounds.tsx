// Rounds still in preparation: when they open, so leaders know when to hand out codes.
import { useTranslation } from 'react-i18next';
import type { AdminRound } from '../../../shared/api/organisation';
import { formatDateRange } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { Countdown } from './Countdown';

export function UpcomingRounds({ rounds }: { rounds: readonly AdminRound[] }) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  return (
    <section aria-labelledby="progress-upcoming" className="admin-section">
      <h2 id="progress-upcoming">{t('progress.upcoming')}</h2>
      <ul>
        {rounds.map((round) => (
          <li key={round.id}>
            {t('progress.upcomingRound', {
              name: round.name,
              period: formatDateRange(round.opensOn, round.closesOn, lng),
            })}
            {' · '}
            <Countdown opensOn={round.opensOn} closesOn={round.closesOn} />
          </li>
        ))}
      </ul>
    </section>
  );
}
