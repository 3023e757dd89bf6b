// One statement per screen: a real radio group (arrow keys, screen readers) drawn as five large
// buttons. A tap is saved to the device first, then the screen moves on. Keyboard selection
// only saves: moving on is the "Neste" button or Enter, so arrow keys never skip a statement.
import { useRef, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CurrentRoundResponse } from '../../../shared/api/respondent';
import { LIKERT_VALUES, type LikertValue } from '../../../shared/likert';
import type { Draft } from '../../offline';
import { normaliseLanguage } from '../../i18n/i18n';
import { afterStatements, sortedStatements } from './flow';
import { PATHS } from './paths';
import { RequireDraft } from './RequireDraft';
import { useSurvey } from './SurveyProvider';

export function StatementScreen() {
  return <RequireDraft>{(data, draft) => <Statement data={data} draft={draft} />}</RequireDraft>;
}

function Statement({ data, draft }: { data: CurrentRoundResponse; draft: Draft }) {
  const { t, i18n } = useTranslation(['steps', 'survey']);
  const { answer } = useSurvey();
  const navigate = useNavigate();
  const params = useParams();
  const location = useLocation();
  const pointerChoice = useRef(false);
  const statements = sortedStatements(data);
  const number = Number(params.n);
  const statement = statements[number - 1];
  if (!Number.isInteger(number) || !statement) return <Navigate to={PATHS.statement(1)} replace />;

  const total = statements.length;
  const lng = normaliseLanguage(i18n.language);
  const value = draft.answers[statement.id] ?? null;
  // Opened from the review's list of skipped statements: moving on goes back to that list.
  const fromReview = (location.state as { fromReview?: unknown } | null)?.fromReview === true;
  const next = fromReview
    ? PATHS.review
    : number < total
      ? PATHS.statement(number + 1)
      : afterStatements(data);
  const previous = number > 1 ? PATHS.statement(number - 1) : PATHS.intro;
  const instructionId = `instruction-${statement.id}`;

  const choose = async (chosen: LikertValue) => {
    const advance = pointerChoice.current;
    pointerChoice.current = false;
    const isSaved = await answer(statement.id, chosen);
    if (isSaved && advance) await navigate(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(next);
  };

  return (
    <form className="screen statement" onSubmit={onSubmit}>
      <div className="progress">
        <p className="progress__text">{t('question.progress', { current: number, total })}</p>
        <div
          className="progress__bar"
          role="progressbar"
          aria-label={t('question.progressLabel')}
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={number}
          aria-valuetext={t('question.progress', { current: number, total })}
        >
          <div className="progress__fill" style={{ width: `${(number / total) * 100}%` }} />
        </div>
      </div>
      <fieldset className="likert" aria-describedby={instructionId}>
        <legend>
          <h1 className="statement__text">{statement.text[lng]}</h1>
        </legend>
        <p id={instructionId} className="statement__instruction">
          {t('question.instruction')}
        </p>
        <div className="likert__options">
          {LIKERT_VALUES.map((v) => (
            <label
              key={v}
              className="likert__option"
              onPointerDown={() => {
                pointerChoice.current = true;
              }}
            >
              <input
                type="radio"
                name={`statement-${statement.id}`}
                value={v}
                checked={value === v}
                onChange={() => void choose(v)}
              />
              <span>{t(`survey:scale.${v}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="nav-buttons">
        <button type="button" className="button button--secondary" onClick={() => void navigate(previous)}>
          {t('question.back')}
        </button>
        <button type="submit" className="button button--primary">
          {fromReview ? t('question.toReview') : value === null ? t('question.skip') : t('question.next')}
        </button>
      </div>
    </form>
  );
}
