// The shared-tablet idle rule: IDLE_WARNING_SECONDS before the timeout a warning, then the
// person's draft is wiped and the start screen returns for the next person.
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IDLE_WARNING_SECONDS } from '../../../shared/device';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';
import { useIdleTimer } from './useIdleTimer';

const IDLE_WARNING_MS = IDLE_WARNING_SECONDS * 1000;

export function IdleGuard() {
  const { t } = useTranslation();
  const survey = useSurvey();
  const navigate = useNavigate();
  const stayButton = useRef<HTMLButtonElement>(null);
  const { secondsLeft, reset } = useIdleTimer({
    isActive: Boolean(survey.draft || survey.submittedId),
    timeoutMs: survey.idleTimeoutMs,
    warningMs: Math.min(IDLE_WARNING_MS, survey.idleTimeoutMs / 2),
    onTimeout: () => {
      void survey.finish().then(() => navigate(PATHS.start, { replace: true }));
    },
  });
  const isWarning = secondsLeft !== undefined;

  useEffect(() => {
    if (isWarning) stayButton.current?.focus();
  }, [isWarning]);

  if (!isWarning) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
      >
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body">{t('idle.body', { count: secondsLeft })}</p>
        <button ref={stayButton} type="button" className="button button--primary" onClick={reset}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
