// The frame of every respondent route: the survey session (round, draft) and the shared-tablet
// idle guard live here and nowhere else, so a staff page never asks for the current round, never
// reads a respondent's draft and never wipes anything on a timer.
import { lazy, Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_PATHS } from '../../ui/factor-paths';
import { Layout } from '../../ui/Layout';
import { PATHS } from './paths';
import { SurveyProvider, useSurvey } from './SurveyProvider';

// The idle guard is a chunk of its own, fetched as the frame first renders (and precached by the
// service worker): it starts counting a moment after the first screen, which changes nothing for
// a timeout of minutes, and the first load carries none of it.
const IdleGuard = lazy(() => import('./IdleGuard').then((module) => ({ default: module.IdleGuard })));

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
      <Suspense fallback={null}>
        <IdleGuard />
      </Suspense>
    </Layout>
  );
}
