// The staff app's entry: every staff screen under /admin, loaded lazily from App.tsx, so none of
// this code, nor the admin texts, reaches a respondent's device unless someone opens /admin (the
// chunk, StaffRoutes-*, is also kept off the service worker's precache in vite.config.ts). Staff
// work online against the API; nothing here touches IndexedDB. This is the one module that imports
// the staff features, to mount them: the features never import each other (see ../README.md).
import { Route, Routes } from 'react-router';
import { AccountsScreen } from '../accounts/AccountsScreen';
import { CodesScreen } from '../codes/CodesScreen';
import { KiosksScreen } from '../kiosks/KiosksScreen';
import { ProgressScreen } from '../progress/ProgressScreen';
import { LoginScreen } from '../session/LoginScreen';
import { MunicipalityScreen } from '../municipality/MunicipalityScreen';
import { RoundsScreen } from '../rounds/RoundsScreen';
import { RequireRole } from './RequireRole';
import { RequireStaff } from './RequireStaff';
import { SessionProvider } from '../session/SessionProvider';
import { StaffShell } from './StaffShell';
import { StaffNotFound } from './StaffNotFound';
import { UnitsScreen } from '../units/UnitsScreen';
import { SetupScreen } from '../session/SetupScreen';
import { LazyTexts } from '../../ui/LazyTexts';
import '../ui/admin.css';
// After admin.css, so the report styles build on the admin ones.
import { NationalFiguresRoute, ReportRoutes } from '../reports/ReportRoutes';
import { PLAN_SLOTS, PlanRoutes } from '../plans/PlanRoutes';
import { combineSlots, StaffSlotsProvider } from '../ui/StaffSlots';
import { MEETING_SLOTS, MeetingRoutes } from '../meetings/MeetingRoutes';
import { PreparationRoutes } from '../preparation/PreparationRoutes';
import { RecordsRoutes } from '../records/RecordsRoutes';
import { SignInSettingsScreen } from '../signin/SignInSettingsScreen';
import { AuditLogScreen } from '../audit/AuditLogScreen';
import { PasswordResetScreen } from '../session/PasswordResetScreen';
import { StaffHome } from './StaffHome';

/** The report and the plan show the follow-up's pieces first, then the meetings'. */
const SLOTS = combineSlots(PLAN_SLOTS, MEETING_SLOTS);

export default function StaffRoutes() {
  return (
    <LazyTexts namespaces={['admin', 'retention']}>
      <SessionProvider>
        <Routes>
          <Route path="logg-inn" element={<LoginScreen />} />
          <Route
            element={
              <StaffSlotsProvider value={SLOTS}>
                <RequireStaff />
              </StaffSlotsProvider>
            }
          >
            <Route element={<StaffShell />}>
              <Route index element={<StaffHome progress={<ProgressScreen />} />} />
              <Route path="rapporter/*" element={<ReportRoutes notFound={<StaffNotFound />} />} />
              <Route
                path="oppfolging/*"
                element={
                  <PlanRoutes
                    notFound={<StaffNotFound />}
                    overview={(screen) => <RequireRole roles={['admin']}>{screen}</RequireRole>}
                  />
                }
              />
              <Route path="moter/*" element={<MeetingRoutes notFound={<StaffNotFound />} />} />
              <Route path="forberedelse/*" element={<PreparationRoutes notFound={<StaffNotFound />} />} />
              <Route
                path="nasjonale-tall"
                element={
                  <RequireRole roles={['admin']}>
                    <NationalFiguresRoute />
                  </RequireRole>
                }
              />
              <Route
                path="kommune"
                element={
                  <RequireRole roles={['admin', 'privacy_officer']}>
                    <MunicipalityScreen />
                  </RequireRole>
                }
              />
              <Route
                path="enheter"
                element={
                  <RequireRole roles={['admin']}>
                    <UnitsScreen />
                  </RequireRole>
                }
              />
              <Route
                path="runder"
                element={
                  <RequireRole roles={['admin']}>
                    <RoundsScreen />
                  </RequireRole>
                }
              />
              <Route
                path="koder"
                element={
                  <RequireRole roles={['admin', 'leader']}>
                    <CodesScreen />
                  </RequireRole>
                }
              />
              <Route
                path="nettbrett"
                element={
                  <RequireRole roles={['admin', 'leader']}>
                    <KiosksScreen />
                  </RequireRole>
                }
              />
              <Route
                path="kontoer"
                element={
                  <RequireRole roles={['admin']}>
                    <AccountsScreen />
                  </RequireRole>
                }
              />
              <Route
                path="personvern/*"
                element={
                  <RequireRole roles={['admin', 'privacy_officer']}>
                    <RecordsRoutes notFound={<StaffNotFound />} />
                  </RequireRole>
                }
              />
              <Route
                path="innlogging"
                element={
                  <RequireRole roles={['admin']}>
                    <LazyTexts namespaces={['signin']}>
                      <SignInSettingsScreen />
                    </LazyTexts>
                  </RequireRole>
                }
              />
              <Route
                path="revisjonslogg"
                element={
                  <RequireRole roles={['admin', 'privacy_officer']}>
                    <LazyTexts namespaces={['audit']}>
                      <AuditLogScreen />
                    </LazyTexts>
                  </RequireRole>
                }
              />
              <Route path="*" element={<StaffNotFound />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </LazyTexts>
  );
}

/** /oppsett/:token, the first-admin setup link: public, so outside the session. */
export function SetupRoute() {
  return (
    <LazyTexts namespaces={['admin']}>
      <SetupScreen />
    </LazyTexts>
  );
}

/** /nytt-passord/:token, the one-time password link an admin made (issue 15): public, like setup. */
export function PasswordResetRoute() {
  return (
    <LazyTexts namespaces={['admin']}>
      <PasswordResetScreen />
    </LazyTexts>
  );
}
