// The quarterly review: when the next one is (the leader may move it or change the rhythm), the
// form to record one, and the reviews so far, newest first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REVIEW_INTERVAL_MONTHS } from '../../../shared/api/plans';
import { osloDate } from '../../../shared/dates';
import { formatDate } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { CreateSection } from '../ui/CreateSection';
import { ResultMessage } from '../ui/ResultMessage';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { PlanApiError } from './PlanApiError';
import { usePlanChange, usePlanContext } from './PlanContext';
import { ReviewForm } from './ReviewForm';
import { ReviewHistory } from './ReviewHistory';

export function ReviewSection() {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const { plan, may } = usePlanContext();
  const overdue = plan.nextReviewOn !== null && plan.nextReviewOn < osloDate() && may.review;
  return (
    <section className="admin-section plan-reviews" aria-labelledby="plan-reviews-title">
      <h2 id="plan-reviews-title">{t('review.title')}</h2>
      <p>{t('review.intro')}</p>
      <p className={overdue ? 'plan-next plan-next--overdue' : 'plan-next'}>
        {plan.nextReviewOn
          ? t(overdue ? 'review.nextOverdue' : 'review.next', {
              date: formatDate(plan.nextReviewOn, language),
            })
          : t('review.nextNone')}
      </p>
      {may.settings && <RhythmForm key={`${plan.reviewIntervalMonths}:${plan.nextReviewOn ?? ''}`} />}
      {may.review && (
        <CreateSection openLabel={t('review.add')}>{(done) => <ReviewForm onDone={done} />}</CreateSection>
      )}
      <ReviewHistory />
    </section>
  );
}

/** The rhythm (every N months) and the date of the next review. */
function RhythmForm() {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const [months, setMonths] = useState(plan.reviewIntervalMonths);
  const [next, setNext] = useState(plan.nextReviewOn ?? '');
  const [message, setMessage] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const saved = await change.run((api) =>
      api.update(plan.id, { reviewIntervalMonths: months, nextReviewOn: next || null }),
    );
    if (saved) setMessage(t('review.rhythmSaved'));
  };

  return (
    <form className="admin-form admin-form--inline plan-rhythm" onSubmit={(event) => void submit(event)}>
      <SelectField
        id="plan-review-months"
        label={t('review.interval')}
        value={String(months)}
        onChange={(event) => setMonths(Number(event.target.value))}
      >
        {Array.from({ length: MAX_REVIEW_INTERVAL_MONTHS }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {t('review.everyMonths', { count: n })}
          </option>
        ))}
      </SelectField>
      <TextField
        id="plan-review-next"
        type="date"
        label={t('review.nextLabel')}
        hint={t('review.nextHint')}
        className="admin-field--short"
        value={next}
        onChange={(event) => setNext(event.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={change.isBusy}>
        {t('review.saveRhythm')}
      </button>
      <ResultMessage text={message} />
      <PlanApiError error={change.error} focus />
    </form>
  );
}
