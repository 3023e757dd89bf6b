// The review template, one measure of the plan at a time: the room decides to keep, adjust or
// drop it, with a note. The decisions are kept on this screen until the summary step saves them
// all as one review of the plan.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_DECISIONS, type ReviewDecision } from '../../../shared/api/plans';
import type { MeetingStep } from '../../../shared/api/meetings';

export interface Decision {
  decision: ReviewDecision;
  note: string;
}

interface Props {
  step: MeetingStep;
  value: Decision | undefined;
  onChange: (value: Decision) => void;
}

export function ReviewItemStep({ step, value, onChange }: Props) {
  const { t } = useTranslation('presenter');
  const id = useId();
  if (!step.measureId) return null;
  return (
    <div className="presenter-review">
      <h2 className="presenter-prompt">{t('review.measure', { text: step.text ?? '' })}</h2>
      <fieldset className="admin-fieldset">
        <legend>{t('review.legend')}</legend>
        {REVIEW_DECISIONS.map((d) => (
          <div key={d} className="meeting-start__choice">
            <input
              id={`${id}-${d}`}
              type="radio"
              name={`${id}-decision`}
              checked={value?.decision === d}
              onChange={() => onChange({ decision: d, note: value?.note ?? '' })}
            />
            <label htmlFor={`${id}-${d}`}>{t(`review.decision.${d}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="admin-field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('review.note')}
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={500}
          value={value?.note ?? ''}
          disabled={!value}
          onChange={(e) => value && onChange({ ...value, note: e.target.value })}
        />
      </div>
    </div>
  );
}
