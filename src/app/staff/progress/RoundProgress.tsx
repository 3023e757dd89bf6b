// One running round: the period and its countdown, the total, a table of units with answers,
// invited and response rate, and the answers the server refused per unit and reason. Polled every
// 30 s while the screen is open.
import { useTranslation } from 'react-i18next';
import { formatDateRange, formatTime } from '../../ui/format';
import { normaliseLanguage } from '../../i18n/i18n';
import { organisationApi } from '../api/organisation';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';
import { Countdown } from './Countdown';
import { ParticipationNudge } from './ParticipationNudge';
import { ProgressTable } from './ProgressTable';
import { RateText } from './RateText';
import { RejectedAnswers } from './RejectedAnswers';

export const PROGRESS_POLL_MS = 30_000;

export function RoundProgress({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const query = useStaffQuery(
    (request) => organisationApi(request).progress(roundId),
    `progress/${roundId}`,
    PROGRESS_POLL_MS,
  );
  const titleId = `progress-${roundId}`;
  if (!query.data) {
    return query.error ? <ApiError error={query.error} /> : <p role="status">{t('common.loading')}</p>;
  }
  const { round, units, total, rejectedWithoutUnit } = query.data;

  return (
    <section className="progress-round" aria-labelledby={titleId}>
      <h2 id={titleId}>{round.name}</h2>
      <p className="progress-round__period">
        {formatDateRange(round.opensOn, round.closesOn, lng)}
        {' · '}
        <Countdown opensOn={round.opensOn} closesOn={round.closesOn} />
      </p>
      <p className="progress-round__total">
        {total.invited === null || total.invited === 0
          ? t('progress.totalAnswered', { count: total.answered })
          : t('progress.total', { count: total.answered, invited: total.invited })}
        {total.rate !== null && (
          <>
            {' · '}
            <RateText rate={total.rate} />
          </>
        )}
      </p>
      <ProgressTable units={units} />
      <ParticipationNudge round={round} units={units} />
      <RejectedAnswers units={units} withoutUnit={rejectedWithoutUnit} />
      <p className="hint">
        {query.loadedAt && t('progress.updated', { time: formatTime(query.loadedAt, lng) })}
      </p>
      <ApiError error={query.error} />
    </section>
  );
}
