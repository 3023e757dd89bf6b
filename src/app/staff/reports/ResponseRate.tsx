// How many answered: "Svarprosent 65,1 %" and "482 av 740 har svart". The invited count is
// unknown for an open kiosk without an employee count, so then only the answers are given.
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { formatCount, formatPercent } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';

type Rate = NonNullable<UnitReportResponse['responseRate']>;

export function ResponseRate({ rate }: { rate: Rate }) {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  return (
    <div className="report-rate">
      <p className="report-rate__value">
        <span>{t('rate.label')}</span>{' '}
        <strong>{rate.rate === null ? t('rate.unknown') : formatPercent(rate.rate, lng)}</strong>
      </p>
      <p className="report-rate__count">
        {rate.invited === null
          ? t('rate.answeredOnly', { count: rate.answered, answered: formatCount(rate.answered, lng) })
          : t('rate.answered', {
              count: rate.answered,
              answered: formatCount(rate.answered, lng),
              invited: formatCount(rate.invited, lng),
            })}
      </p>
    </div>
  );
}
