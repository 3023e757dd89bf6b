// After sending: whether the answer already reached the server or waits on the device, what
// the ten factors mean, and "Ferdig", which wipes everything of this person for the next one.
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useIsQueued } from '../../offline';
import { FactorSummary } from './FactorSummary';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

export function ThanksScreen() {
  const { t } = useTranslation('survey');
  const { submittedId, finish } = useSurvey();
  const navigate = useNavigate();
  const isQueued = useIsQueued(submittedId);
  const [isFinishing, setIsFinishing] = useState(false);

  if (!submittedId && !isFinishing) return <Navigate to={PATHS.start} replace />;

  const done = async () => {
    setIsFinishing(true);
    await finish();
    await navigate(PATHS.start, { replace: true });
  };

  return (
    <div className="screen thanks">
      <h1>{t('thanks.title')}</h1>
      <p className="thanks__status" role="status">
        {isQueued === undefined ? '' : isQueued ? t('thanks.waiting') : t('thanks.sent')}
      </p>
      <div className="stack">
        <button type="button" className="button button--primary button--large" onClick={() => void done()}>
          {t('thanks.done')}
        </button>
        <p className="hint">{t('thanks.doneHelp')}</p>
      </div>
      <section aria-labelledby="factors-title">
        <h2 id="factors-title">{t('thanks.factorsTitle')}</h2>
        <p>{t('thanks.factorsIntro')}</p>
        <FactorSummary />
      </section>
    </div>
  );
}
