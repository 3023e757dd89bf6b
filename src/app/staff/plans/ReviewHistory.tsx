// The reviews so far, newest first: when, what happened, and what was decided for each measure.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { usePlanContext } from './PlanContext';

export function ReviewHistory() {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { plan } = usePlanContext();
  const measureText = new Map(plan.focusFactors.flatMap((f) => f.measures).map((m) => [m.id, m.text]));
  if (plan.reviews.length === 0) return <p className="hint">{t('review.none')}</p>;
  return (
    <ol className="plan-list plan-review-list">
      {plan.reviews.map((review) => (
        <li key={review.id}>
          <h3>{t('review.heldHeading', { date: formatDate(review.heldOn, language) })}</h3>
          <p>{review.summary}</p>
          {review.items.length > 0 && (
            <ul>
              {review.items.map((item) => (
                <li key={item.measureId}>
                  {measureText.get(item.measureId) ?? t('review.unknownMeasure')}:{' '}
                  <strong>{t(`decision.${item.decision}`)}</strong>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
