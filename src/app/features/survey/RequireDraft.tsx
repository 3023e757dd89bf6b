// Survey screens render only from this person's draft. Without one (after "Ferdig", an idle
// wipe, or the back button pressed by the next person) they send the tablet to the start
// screen, so nothing of an earlier respondent can be shown.
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CurrentRoundResponse } from '../../../shared/api/respondent';
import type { Draft } from '../../offline';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

interface Props {
  children: (data: CurrentRoundResponse, draft: Draft) => ReactNode;
}

export function RequireDraft({ children }: Props) {
  const { t } = useTranslation();
  const { round, draft, isRestoring, submittedId } = useSurvey();
  if (isRestoring || round.status === 'loading') return <p>{t('app.loading')}</p>;
  // Just sent: the draft became the outbox record, so the flow's only way on is the thank-you.
  if (!draft && submittedId) return <Navigate to={PATHS.thanks} replace />;
  if (!draft || round.status !== 'ready') return <Navigate to={PATHS.start} replace />;
  return <>{children(round.data, draft)}</>;
}
