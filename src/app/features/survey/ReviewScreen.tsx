// Before sending: how much is answered, the send button, then a link to each statement left without
// an answer (below the button, so a long list on a phone does not push "Send" out of reach). A
// statement opened from the list leads back here.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { normaliseLanguage } from '../../i18n/i18n';
import { beforeReview, sortedStatements } from './flow';
import { PATHS } from './paths';
import { RequireDraft } from './RequireDraft';
import { useSurvey } from './SurveyProvider';

export function ReviewScreen() {
  const { t, i18n } = useTranslation('steps');
  const { submit } = useSurvey();
  const navigate = useNavigate();
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const lng = normaliseLanguage(i18n.language);

  const send = async () => {
    setState('sending');
    try {
      await submit();
      // replace: the back button must not lead into the sent answer's screens.
      await navigate(PATHS.thanks, { replace: true });
    } catch {
      setState('failed');
    }
  };

  return (
    <RequireDraft>
      {(data, draft) => {
        const statements = sortedStatements(data);
        const unanswered = statements
          .map((s, i) => ({ statement: s, number: i + 1 }))
          .filter(({ statement }) => draft.answers[statement.id] == null);
        const answered = statements.length - unanswered.length;
        return (
          <div className="screen review">
            <h1>{t('review.title')}</h1>
            <p>
              {unanswered.length === 0
                ? t('review.allAnswered')
                : t('review.answered', { answered, total: statements.length })}
            </p>
            {state === 'failed' && (
              <p className="banner banner--error" role="alert">
                {t('review.failed')}
              </p>
            )}
            <div className="nav-buttons">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void navigate(beforeReview(data))}
              >
                {t('review.back')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={state === 'sending'}
                onClick={() => void send()}
              >
                {state === 'sending' ? t('review.sending') : t('review.send')}
              </button>
            </div>
            {unanswered.length > 0 && (
              <section aria-labelledby="unanswered-title">
                <h2 id="unanswered-title">{t('review.unansweredTitle')}</h2>
                <p>{t('review.unansweredHelp')}</p>
                <ul className="review__list">
                  {unanswered.map(({ statement, number }) => (
                    <li key={statement.id}>
                      <Link to={PATHS.statement(number)} state={{ fromReview: true }}>
                        {t('review.answerIt', { number, text: statement.text[lng] })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        );
      }}
    </RequireDraft>
  );
}
