// The shared tablet's resting screen: which round and unit, the language, the sync status, and
// the one place where a waiting app update may be applied.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { normaliseLanguage } from '../../i18n/i18n';
import { applyWaitingUpdate, usePwaState } from '../../pwa/pwa-state';
import { formatDateRange } from '../../ui/format';
import { SyncStatus } from '../../ui/SyncStatus';
import { firstUnanswered } from './flow';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

export function StartScreen() {
  const { t, i18n } = useTranslation('survey');
  const { t: tc } = useTranslation('common');
  const survey = useSurvey();
  const navigate = useNavigate();
  const pwa = usePwaState();
  const [isBusy, setIsBusy] = useState(false);
  const lng = normaliseLanguage(i18n.language);
  const { round, draft } = survey;

  const begin = async () => {
    setIsBusy(true);
    try {
      await survey.begin(lng);
      await navigate(PATHS.intro);
    } finally {
      setIsBusy(false);
    }
  };

  const resume = async () => {
    if (round.status !== 'ready' || !draft) return;
    await navigate(PATHS.statement(firstUnanswered(round.data, draft.answers) ?? 1));
  };

  return (
    <div className="screen start">
      <h1>{t('start.title')}</h1>
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
          <p className="start__round">{round.data.round.name}</p>
          <p>{t('start.unit', { unit: round.data.round.unit.name })}</p>
          <p>
            {t('start.period', {
              period: formatDateRange(round.data.round.opensOn, round.data.round.closesOn, lng),
            })}
          </p>
          {draft ? (
            <div className="stack">
              <p>{t('start.inProgress')}</p>
              <button type="button" className="button button--primary" onClick={() => void resume()}>
                {t('start.resume')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void survey.finish()}>
                {t('start.restart')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button--primary button--large"
              disabled={isBusy || survey.isRestoring}
              onClick={() => void begin()}
            >
              {t('start.begin')}
            </button>
          )}
        </>
      )}
      <SyncStatus />
      <p>
        <Link to={PATHS.factors}>{t('start.readFactors')}</Link>
      </p>
    </div>
  );
}
