// The optional background questions, each with "Ønsker ikke å svare". Reported only for the whole
// municipality; saved on the device at each tap like everything else.
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DECLINED } from '../../../shared/questionnaire/types';
import { normaliseLanguage } from '../../i18n/i18n';
import { afterBackground } from './flow';
import { PATHS } from './paths';
import { RequireDraft } from './RequireDraft';
import { useSurvey } from './SurveyProvider';

export function BackgroundScreen() {
  const { t, i18n } = useTranslation('steps');
  const { setBackground } = useSurvey();
  const navigate = useNavigate();
  const lng = normaliseLanguage(i18n.language);
  return (
    <RequireDraft>
      {(data, draft) => (
        <div className="screen background">
          <h1>{t('background.title')}</h1>
          <p>{t('background.intro')}</p>
          {data.questionnaire.background.map((question) => {
            const options = [
              ...question.options.map((o) => ({ value: o.value, label: o.label[lng] })),
              { value: DECLINED, label: t('background.declined') },
            ];
            return (
              <fieldset key={question.id} className="choice-group">
                <legend>{question.label[lng]}</legend>
                {options.map((option) => (
                  <label key={option.value} className="choice">
                    <input
                      type="radio"
                      name={`background-${question.id}`}
                      value={option.value}
                      checked={draft.background[question.id] === option.value}
                      onChange={() => void setBackground(question.id, option.value)}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
          <div className="nav-buttons">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void navigate(PATHS.statement(data.questionnaire.statements.length))}
            >
              {t('background.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void navigate(afterBackground(data))}
            >
              {t('background.next')}
            </button>
          </div>
        </div>
      )}
    </RequireDraft>
  );
}
