// After sending: whether the server took the answer, refused it (and what the person can do), or
// it waits on the device; what the ten factors mean; and "Ferdig", which wipes everything of this
// person for the next one. "Sent" is said only once the server has accepted the answer (or already
// had it): a refused answer is never called sent.
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SubmissionState } from '../../offline';
import { useSubmission } from '../../offline/useSubmission';
import { rejectionReason, retryReason } from '../../ui/sync-reasons';
import { FactorSummary } from './FactorSummary';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

/**
 * The server files a coded answer under its code's round, so a questionnaire that does not match
 * means the person answered another open round's questions (offline, the code's round was not
 * known): say that, and that the code is still theirs to use, rather than "the survey changed".
 */
function reasonFor(code: string) {
  return code === 'QUESTIONNAIRE_VERSION_MISMATCH' ? 'otherRound' : rejectionReason(code);
}

function SubmissionStatus({ submission }: { submission: SubmissionState | undefined }) {
  const { t } = useTranslation('steps');
  if (submission?.state === 'rejected') {
    return (
      <div className="thanks__status thanks__status--rejected" role="alert">
        <p>
          <strong>{t('thanks.rejected.title')}</strong>
        </p>
        <p>{t(`thanks.rejected.${reasonFor(submission.code)}`)}</p>
      </div>
    );
  }
  let text = '';
  if (submission?.state === 'sent') text = t('thanks.sent');
  else if (submission?.state === 'waiting') {
    text = submission.failureCode
      ? t(`thanks.retrying.${retryReason(submission.failureCode)}`)
      : t('thanks.waiting');
  }
  return (
    <p className="thanks__status" role="status">
      {text}
    </p>
  );
}

export function ThanksScreen() {
  const { t } = useTranslation('steps');
  const { submittedId, finish } = useSurvey();
  const navigate = useNavigate();
  const submission = useSubmission(submittedId);
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
      <SubmissionStatus submission={submission} />
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
