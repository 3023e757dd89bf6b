// The shared tablet's resting screen: which round and unit, the language, the sync status, and
// the one place where a waiting app update may be applied. Showing it closes any draft
// (SurveyProvider.showStart): "Fortsett der du slapp" is offered only after the code the draft was
// begun with has been typed again (or came in from its link), never on an open kiosk.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isValidCode, normaliseCode } from '../../../shared/codes';
import { roundName } from '../../../shared/rounds';
import { normaliseLanguage } from '../../i18n/i18n';
import { applyWaitingUpdate, usePwaState } from '../../pwa/pwa-state';
import { formatDateRange } from '../../ui/date-format';
import { checkCode, type CodeProblem } from './check-code';
import { firstUnanswered } from './flow';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

// The sending line is a chunk of its own with its texts: it shows a moment after the first render,
// when the device's counts are read anyway.
const SyncStatus = lazy(() =>
  import('../../ui/SyncStatus').then((module) => ({ default: module.SyncStatus })),
);

export function StartScreen() {
  const { t, i18n } = useTranslation('survey');
  const { t: tc } = useTranslation('common');
  const survey = useSurvey();
  const navigate = useNavigate();
  const pwa = usePwaState();
  const [isBusy, setIsBusy] = useState(false);
  // True once this person's code opened the draft on the device: only then is resuming offered.
  const [isResuming, setIsResuming] = useState(false);
  const [codeProblem, setCodeProblem] = useState<CodeProblem | undefined>();
  const lng = normaliseLanguage(i18n.language);
  // The field's value lives in the session (memory), so the idle timer can clear it.
  const { round, draft, showStart, codeInput: code, setCodeInput: setCode } = survey;
  // Several rounds open at once (before a draft picks one): the code decides, so none is named here.
  const severalRounds =
    round.status === 'ready' && !draft && round.rounds.length > 1 ? round.rounds : undefined;

  useEffect(() => showStart(), [showStart]);

  // The form that had focus is gone: the offer to continue takes it, so Enter goes on.
  const resumeButton = useRef<HTMLButtonElement>(null);
  const isOffering = Boolean(draft && isResuming);
  useEffect(() => {
    if (isOffering) resumeButton.current?.focus();
  }, [isOffering]);

  const begin = async () => {
    setIsBusy(true);
    try {
      let checkedCode: string | undefined;
      let codeRound: string | undefined;
      if (survey.needsCode) {
        // The draft on the device opens again for the code it was begun with, and only for it.
        const typed = normaliseCode(code);
        if (survey.hasLockedDraft && isValidCode(typed) && (await survey.unlock(typed))) {
          setIsResuming(true);
          return;
        }
        const checked = await checkCode(code, survey.apiFetch);
        setCodeProblem(checked.ok ? undefined : checked.problem);
        if (!checked.ok) return;
        checkedCode = checked.code;
        codeRound = checked.roundId;
      }
      // A new draft replaces any other on the device: one person's at a time.
      await survey.begin(lng, checkedCode, codeRound);
      await navigate(PATHS.intro);
    } finally {
      setIsBusy(false);
    }
  };

  const resume = async () => {
    if (round.status !== 'ready' || !draft) return;
    await navigate(PATHS.statement(firstUnanswered(round.data, draft.answers) ?? 1));
  };

  const startOver = async () => {
    await survey.beginAgain(lng);
    await navigate(PATHS.intro);
  };

  return (
    <div className="screen start">
      {/* The round's own name heads the screen once it is known ("Medarbeiderundersøkelsen 2026"),
          instead of the general title standing above it. */}
      <h1>
        {round.status === 'ready' && !severalRounds ? roundName(round.data.round, lng) : t('start.title')}
      </h1>
      {pwa.needRefresh && !draft && (
        <div className="banner banner--info" role="status">
          <p>{tc('update.available')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void applyWaitingUpdate()}
          >
            {tc('update.apply')}
          </button>
        </div>
      )}
      {round.status === 'loading' && <p>{tc('app.loading')}</p>}
      {round.status === 'unavailable' && (
        <>
          <p>{round.offline ? t('start.offlineNoRound') : t('start.noRound')}</p>
          <button type="button" className="button button--secondary" onClick={survey.reloadRound}>
            {t('start.retry')}
          </button>
        </>
      )}
      {round.status === 'ready' && (
        <>
          {severalRounds ? (
            <>
              <p>{t('start.severalRounds', { count: severalRounds.length })}</p>
              <ul>
                {severalRounds.map(({ round: r }) => (
                  <li key={r.id}>
                    {t('start.roundLine', {
                      name: roundName(r, lng),
                      unit: r.unit.name,
                      period: formatDateRange(r.opensOn, r.closesOn, lng),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>
                {survey.kiosk
                  ? t('start.kioskUnit', { unit: survey.kiosk.kiosk.unit.name })
                  : t('start.unit', { unit: round.data.round.unit.name })}
              </p>
              <p>
                {t('start.period', {
                  period: formatDateRange(round.data.round.opensOn, round.data.round.closesOn, lng),
                })}
              </p>
            </>
          )}
          {isOffering ? (
            <div className="stack">
              <p role="status">{t('start.yourDraft')}</p>
              <button
                ref={resumeButton}
                type="button"
                className="button button--primary"
                onClick={() => void resume()}
              >
                {t('start.resume')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void startOver()}>
                {t('start.restart')}
              </button>
            </div>
          ) : (
            <form
              className="stack"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void begin();
              }}
            >
              {survey.needsCode && (
                <div className="field">
                  <label htmlFor="code" className="field-label">
                    {t('start.codeLabel')}
                  </label>
                  <p id="code-hint" className="hint">
                    {t('start.codeHint')}
                    {survey.hasLockedDraft && ` ${t('start.resumeHint')}`}
                  </p>
                  <input
                    id="code"
                    className="code-input"
                    value={code}
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    aria-invalid={codeProblem !== undefined}
                    aria-describedby={codeProblem ? 'code-hint code-error' : 'code-hint'}
                    onChange={(e) => {
                      setCode(e.target.value);
                      setIsResuming(false);
                      setCodeProblem(undefined);
                    }}
                  />
                  {codeProblem && (
                    <p id="code-error" className="field-error" role="alert">
                      {t(`start.${codeProblem}`)}
                    </p>
                  )}
                </div>
              )}
              <button
                type="submit"
                className="button button--primary button--large"
                disabled={isBusy || survey.isRestoring}
              >
                {t('start.begin')}
              </button>
            </form>
          )}
        </>
      )}
      <Suspense fallback={null}>
        <SyncStatus />
      </Suspense>
      <p>
        <Link to={PATHS.factors}>{t('start.readFactors')}</Link>
      </p>
    </div>
  );
}
