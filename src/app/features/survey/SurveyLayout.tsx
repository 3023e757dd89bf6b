// The frame of every respondent route: the survey session (round, draft) and the shared-tablet
// idle guard live here and nowhere else, so a staff page never asks for the current round, never
// reads a respondent's draft and never wipes anything on a timer.
import { Outlet } from 'react-router';
import { Layout } from '../../ui/Layout';
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
  return (
    <Layout onLanguageChange={survey.setLanguage}>
      <Outlet />
      <IdleGuard />
    </Layout>
  );
}
