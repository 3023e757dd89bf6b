// The frame of every respondent route: the survey session (round, draft) and the shared-tablet
// idle guard live here and nowhere else, so a staff page never asks for the current round, never
// reads a respondent's draft and never wipes anything on a timer.
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_PATHS } from '../../ui/factor-paths';
import { Layout } from '../../ui/Layout';
import { PATHS } from './paths';
import { IdleGuard } from './IdleGuard';
import { SurveyProvider, useSurvey } from './SurveyProvider';

interface Props {
  fetchImpl?: typeof fetch | undefined;
  idleTimeoutSeconds?: number | undefined;
}

export function SurveyLayout({ fetchImpl, idleTimeoutSeconds }: Props) {
  return (
    <SurveyProvider fetchImpl={fetchImpl} idleTimeoutSeconds={idleTimeoutSeconds}>
      <SurveyFrame />
    </SurveyProvider>
  );
}

function SurveyFrame() {
  const survey = useSurvey();
  const { t } = useTranslation('survey');
  const { pathname } = useLocation();
  // From the thank-you screen into the factor cards: a kiosk browser has no Back button, so the
  // cards offer the way back to "Ferdig" for as long as the answer's screen is still there.
  const isReadingAfterAnswer =
    Boolean(survey.submittedId) && !survey.draft && pathname.startsWith(FACTOR_PATHS.list);
  return (
    <Layout onLanguageChange={survey.setLanguage}>
      {isReadingAfterAnswer && (
        <p className="back-to-thanks">
          <Link to={PATHS.thanks}>{t('thanks.backFromCards')}</Link>
        </p>
      )}
      <Outlet />
      <IdleGuard />
    </Layout>
  );
}
