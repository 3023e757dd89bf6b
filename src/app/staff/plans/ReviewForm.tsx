// Record a review: the date it was held, keep, adjust or drop for each measure still running, a
// sentence on what happened, and (optionally) the next review date; left empty, the server sets
// it from the plan's rhythm. Dropping a measure here sets its status to dropped.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FINISHED_MEASURE_STATUSES,
  PLAN_TEXT_LIMITS,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from '../../../shared/api/plans';
import { osloDate } from '../../../shared/dates';
import { TextField } from '../ui/TextField';
import { RadioChoices, TextAreaField } from './fields';
import { FormEnd } from './FormEnd';
import { usePlanChange, usePlanContext } from './PlanContext';

export function ReviewForm({ onDone }: { onDone: (message?: string) => void }) {
  const { t } = useTranslation('followup');
  const { plan } = usePlanContext();
  const change = usePlanChange();
  const running = plan.focusFactors
    .flatMap((f) => f.measures)
    .filter((m) => !FINISHED_MEASURE_STATUSES.includes(m.status));
  const [heldOn, setHeldOn] = useState(osloDate());
  const [decisions, setDecisions] = useState<Record<string, ReviewDecision>>(
    Object.fromEntries(running.map((m) => [m.id, 'keep'])),
  );
  const [summary, setSummary] = useState('');
  const [next, setNext] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!summary.trim()) {
      setMissing(true);
      document.getElementById('plan-review-summary')?.focus();
      return;
    }
    const saved = await change.run((api) =>
      api.review(plan.id, {
        heldOn,
        summary: summary.trim(),
        items: running.map((m) => ({ measureId: m.id, decision: decisions[m.id] ?? 'keep' })),
        ...(next && { nextReviewOn: next }),
      }),
    );
    if (saved) onDone(t('review.added'));
  };

  return (
    <form
      className="admin-form plan-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="plan-review-form-title"
    >
      <h3 id="plan-review-form-title">{t('review.formTitle')}</h3>
      <TextField
        id="plan-review-held"
        type="date"
        label={t('review.heldOn')}
        className="admin-field--short"
        value={heldOn}
        onChange={(event) => setHeldOn(event.target.value)}
      />
      {running.length === 0 && <p className="hint">{t('review.noRunning')}</p>}
      {running.map((measure) => (
        <RadioChoices
          key={measure.id}
          name={`plan-review-${measure.id}`}
          legend={measure.text}
          value={decisions[measure.id] ?? 'keep'}
          onChange={(decision) => setDecisions({ ...decisions, [measure.id]: decision })}
          options={REVIEW_DECISIONS.map((value) => ({ value, label: t(`decision.${value}`) }))}
        />
      ))}
      <TextAreaField
        id="plan-review-summary"
        label={t('review.summary')}
        hint={t('review.summaryHint')}
        error={missing ? t('review.summaryMissing') : undefined}
        maxLength={PLAN_TEXT_LIMITS.reviewSummary}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
      />
      <TextField
        id="plan-review-next-date"
        type="date"
        label={t('review.nextLabel')}
        hint={t('review.nextFromRhythm', { count: plan.reviewIntervalMonths })}
        className="admin-field--short"
        value={next}
        onChange={(event) => setNext(event.target.value)}
      />
      <FormEnd
        error={change.error}
        busy={change.isBusy}
        saveLabel={t('review.save')}
        onCancel={() => onDone()}
      />
    </form>
  );
}
