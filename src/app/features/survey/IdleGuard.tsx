// The shared-tablet idle rule: IDLE_WARNING_SECONDS before the timeout a warning, then the
// person's draft is wiped and the start screen returns for the next person. It runs whenever the
// tablet holds anything of a person: a draft (open or waiting for its code), a sent answer's
// thank-you, or a code in the start screen's field (typed or from a link), which it clears. A
// draft that waits for its code and nothing else on screen is deleted without a warning. The warning is a
// native modal <dialog>: the page behind is inert and Tab stays inside; Escape or "Ja" keeps the
// person's place and gives focus back to where it was. Once the answer has gone to the outbox the
// warning says only that the screen will be cleared for the next person: nothing is deleted then.
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IDLE_WARNING_SECONDS } from '../../../shared/device';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';
import { useIdleTimer } from './useIdleTimer';

const IDLE_WARNING_MS = IDLE_WARNING_SECONDS * 1000;

export function IdleGuard() {
  // Suspends (SurveyLayout's boundary around the lazy guard) until its texts are here.
  const { t } = useTranslation('idle', { useSuspense: true });
  const survey = useSurvey();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  const focusBefore = useRef<HTMLElement | null>(null);
  const hasCode = survey.codeInput.trim() !== '';
  const isShowingPerson = Boolean(survey.draft || survey.submittedId || hasCode);
  const { secondsLeft, reset } = useIdleTimer({
    isActive: isShowingPerson || survey.hasLockedDraft,
    timeoutMs: survey.idleTimeoutMs,
    warningMs: isShowingPerson ? Math.min(IDLE_WARNING_MS, survey.idleTimeoutMs / 2) : 0,
    onTimeout: () => {
      const wasShowing = isShowingPerson;
      void survey.finish().then(() => wasShowing && navigate(PATHS.start, { replace: true }));
    },
  });
  const isWarning = secondsLeft !== undefined;
  const isAnswerSubmitted = !survey.draft && Boolean(survey.submittedId);
  const isCodeOnly = !survey.draft && !survey.submittedId && hasCode;

  useEffect(() => {
    const element = dialog.current;
    if (!isWarning || !element) return;
    focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Every browser the product supports has showModal; jsdom (the component tests) does not.
    if (typeof element.showModal === 'function') {
      if (!element.open) element.showModal();
    } else element.open = true;
    stayButton.current?.focus();
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
      const back = focusBefore.current;
      if (back?.isConnected) back.focus();
    };
  }, [isWarning]);

  if (!isWarning) return null;
  return (
    <dialog
      ref={dialog}
      className="modal"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      onCancel={(event) => {
        // Escape means "I am here": keep the place instead of closing without a word.
        event.preventDefault();
        reset();
      }}
    >
      <h2 id="idle-title">{t('idle.title')}</h2>
      <p id="idle-body">
        {isCodeOnly
          ? t('idle.bodyCode', { count: secondsLeft })
          : isAnswerSubmitted
            ? t('idle.bodyAfterSend', { count: secondsLeft })
            : t('idle.body', { count: secondsLeft })}
      </p>
      <button ref={stayButton} type="button" className="button button--primary" onClick={reset}>
        {t('idle.stay')}
      </button>
    </dialog>
  );
}
