// The optional open question, only when the round asks it. The warning sits above the field:
// free text is where people most easily identify themselves or others.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CurrentRoundResponse } from '../../../shared/api/respondent';
import type { Draft } from '../../offline';
import { normaliseLanguage } from '../../i18n/i18n';
import { beforeOpen } from './flow';
import { PATHS } from './paths';
import { RequireDraft } from './RequireDraft';
import { useSurvey } from './SurveyProvider';

const SAVE_AFTER_TYPING_MS = 400;

export function OpenQuestionScreen() {
  return (
    <RequireDraft>
      {(data, draft) =>
        data.round.openQuestionEnabled ? (
          <OpenQuestion data={data} draft={draft} />
        ) : (
          <SkipTo path={PATHS.review} />
        )
      }
    </RequireDraft>
  );
}

function SkipTo({ path }: { path: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate(path, { replace: true });
  }, [navigate, path]);
  return null;
}

function OpenQuestion({ data, draft }: { data: CurrentRoundResponse; draft: Draft }) {
  const { t, i18n } = useTranslation('steps');
  const { setOpenText } = useSurvey();
  const navigate = useNavigate();
  const lng = normaliseLanguage(i18n.language);
  const { maxLength, label, warning } = data.questionnaire.openQuestion;
  const [text, setText] = useState(draft.openText);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void setOpenText(value), SAVE_AFTER_TYPING_MS);
  };

  const go = async (path: string) => {
    clearTimeout(timer.current);
    if (await setOpenText(text)) await navigate(path);
  };

  return (
    <div className="screen open-question">
      <h1>{t('open.title')}</h1>
      <p className="warning" id="open-warning">
        {warning[lng]}
      </p>
      <label htmlFor="open-text" className="field-label">
        {label[lng]}
      </label>
      <p id="open-hint" className="hint">
        {t('open.optional', { max: maxLength })}
      </p>
      <textarea
        id="open-text"
        rows={6}
        maxLength={maxLength}
        value={text}
        aria-describedby="open-warning open-hint"
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint">{t('open.remaining', { count: maxLength - text.length })}</p>
      <div className="nav-buttons">
        <button type="button" className="button button--secondary" onClick={() => void go(beforeOpen(data))}>
          {t('open.back')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void go(PATHS.review)}>
          {t('open.next')}
        </button>
      </div>
    </div>
  );
}
