// The staff screens under /admin, loaded lazily from App.tsx: none of this code, nor the admin
// texts, reaches a respondent's device unless someone opens /admin. Staff work online against the
// API; nothing here touches IndexedDB.
import { Route, Routes } from 'react-router';
import { AccountsScreen } from './accounts/AccountsScreen';
import { CodesScreen } from './codes/CodesScreen';
import { KiosksScreen } from './kiosks/KiosksScreen';
import { ProgressScreen } from './leader/ProgressScreen';
import { LoginScreen } from './login/LoginScreen';
import { MunicipalityScreen } from './municipality/MunicipalityScreen';
import { RoundsScreen } from './rounds/RoundsScreen';
import { RequireRole } from './session/RequireRole';
import { RequireStaff } from './session/RequireStaff';
import { SessionProvider } from './session/SessionProvider';
import { StaffShell } from './shell/StaffShell';
import { AdminNotFound } from './shell/AdminNotFound';
import { UnitsScreen } from './units/UnitsScreen';
import { SetupScreen } from './setup/SetupScreen';
import { LazyTexts } from '../../ui/LazyTexts';
import './admin.css';
// After admin.css, so the report styles build on the admin ones.
import { NationalFiguresRoute, ReportRoutes } from '../reports/ReportRoutes';

export default function AdminRoutes() {
  return (
    <LazyTexts namespaces={['admin']}>
      <SessionProvider>
        <Routes>
          <Route path="logg-inn" element={<LoginScreen />} />
          <Route element={<RequireStaff />}>
            <Route element={<StaffShell />}>
              <Route index element={<ProgressScreen />} />
              <Route path="rapporter/*" element={<ReportRoutes />} />
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
                  <RequireRole roles={['admin']}>
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
              <Route path="*" element={<AdminNotFound />} />
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
