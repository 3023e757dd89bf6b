// "Dette gjør vi" (issue 12): a unit's follow-up plan for everyone in the unit, read-only, behind
// the unguessable link the leader shares or prints as a poster. No login. Loaded lazily from
// App.tsx, so none of it is in the respondent's first download; the service worker precaches the
// chunk like the factor cards', and keeps the last reply of the plan for reading offline.
import { Route, Routes } from 'react-router';
import { LazyTexts } from '../../ui/LazyTexts';
import { PlanPosterScreen } from './PlanPosterScreen';
import { PublicPlanScreen } from './PublicPlanScreen';
import './plan.css';

export default function PlanRoutes() {
  return (
    <LazyTexts namespaces={['plan', 'factors']}>
      <Routes>
        <Route path=":token" element={<PublicPlanScreen />} />
        <Route path=":token/plakat" element={<PlanPosterScreen />} />
      </Routes>
    </LazyTexts>
  );
}
