import { useTranslation } from 'react-i18next';
import { normaliseLanguage } from '../../i18n/i18n';
import { formatPercent } from '../ui/admin-format';

/** "65,1 %", or a dash read as "unknown" when nobody is counted as invited. */
export function RateText({ rate }: { rate: number | null }) {
  const { t, i18n } = useTranslation('admin');
  if (rate === null) return <span aria-label={t('progress.rateUnknown')}>–</span>;
  return <>{formatPercent(rate, normaliseLanguage(i18n.language))}</>;
}
