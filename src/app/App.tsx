// The app's routes, in two frames: the respondent's routes inside SurveyLayout (the survey session
// and the idle guard), the staff routes inside a plain Layout, so a staff page never asks for the
// current round, reads a draft or runs the idle timer. Later capabilities (factor cards, the staff
// app) are lazy routes so none of their code loads for a respondent; the survey's later steps and
// the kiosk enrolment are lazy too, so the first load carries only the start screen.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Outlet, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type * as Steps from './features/survey/later-steps';
import { ACCESSIBILITY_PATH } from './ui/accessibility-paths';
import { Layout } from './ui/Layout';
import { MEETING_PATHS } from './ui/meeting-paths';
import { StartScreen } from './features/survey/StartScreen';
import { CodeLink } from './features/survey/CodeLink';
import { EntryLink } from './features/survey/EntryLink';
import { PATHS } from './features/survey/paths';
import { SurveyLayout } from './features/survey/SurveyLayout';
import { useSurvey } from './features/survey/SurveyProvider';

// The survey's steps after the start screen: one chunk (later-steps.ts) and their texts (the
// 'steps' namespace), fetched by main.tsx right after the first render (preloadSurveySteps) and
// precached by the service worker. Once both are here every step renders at once: a step that
// suspended, even for a microtask, would leave the step before it on screen (navigations are
// transitions) and take a second click on its button.
type SurveySteps = typeof Steps;
let surveySteps: SurveySteps | undefined;
const loadSurveySteps = () =>
  import('./features/survey/later-steps').then((module) => (surveySteps = module));

function lazyStep(name: keyof SurveySteps) {
  const Lazy = lazy(() => loadSurveySteps().then((module) => ({ default: module[name] })));
  return function Step() {
    const Loaded = surveySteps?.[name];
    return Loaded ? <Loaded /> : <Lazy />;
  };
}
/** The namespace of the steps' texts (and the kiosk enrolment's): not in the first load. */
const STEP_TEXTS = 'steps';
const IntroScreen = lazyStep('IntroScreen');
const StatementScreen = lazyStep('StatementScreen');
const BackgroundScreen = lazyStep('BackgroundScreen');
const OpenQuestionScreen = lazyStep('OpenQuestionScreen');
const ReviewScreen = lazyStep('ReviewScreen');
const ThanksScreen = lazyStep('ThanksScreen');
// A kiosk's enrolment link (/kiosk/:token) is opened once per tablet, online: its own chunk.
const KioskEnrolScreen = lazy(() =>
  import('./features/kiosk/KioskEnrolScreen').then((m) => ({ default: m.KioskEnrolScreen })),
);

/** Fetches the survey's later steps and their texts now, so the next screen never waits for the network. */
export function preloadSurveySteps(i18n: I18n): void {
  void loadSurveySteps().catch(() => undefined);
  void i18n.loadNamespaces(STEP_TEXTS).catch(() => undefined);
}

// The factor cards (/faktorer, /faktorer/:slug, /faktorer/kart, /faktorer/les, /faktorer/utskrift)
// are their own chunk, fetched on first use and precached by the service worker for offline use.
const FactorRoutes = lazy(() => import('./features/factors/FactorRoutes'));
// A unit's "Dette gjør vi" page and its poster (/dette-gjor-vi/:token[/plakat]): public, read-only,
// its own chunk like the cards (precached; the plan's reply is kept by a runtime cache).
const PlanRoutes = lazy(() => import('./features/plan/PlanRoutes'));
// A meeting participant's phone (/mote, /mote#<token> from the QR code): no account, its own
// chunk and texts, precached like the cards; the live API itself is never cached.
const MeetingRoutes = lazy(() => import('./features/meeting/MeetingRoutes'));
// The accessibility statement (/tilgjengelighet), linked from every screen's footer: its own chunk
// and texts, precached for offline reading like the cards.
const AccessibilityRoutes = lazy(() => import('./features/accessibility/AccessibilityRoutes'));
// The staff screens (/admin/*) and the first-admin setup link (/oppsett/:token): online-only and
// in one lazy chunk (they share the session and form code), so none of it is in a respondent's
// first load.
const AdminRoutes = lazy(() => import('./staff/shell/StaffRoutes'));
const SetupRoute = lazy(() =>
  import('./staff/shell/StaffRoutes').then((module) => ({ default: module.SetupRoute })),
);
// The one-time password link an admin hands a person (/nytt-passord/:token, issue 15), like setup.
const PasswordResetRoute = lazy(() =>
  import('./staff/shell/StaffRoutes').then((module) => ({ default: module.PasswordResetRoute })),
);

interface Props {
  /** The fetch the respondent's API calls go through (tests hand in a fake server). */
  fetchImpl?: typeof fetch | undefined;
  idleTimeoutSeconds?: number | undefined;
}

export function App({ fetchImpl, idleTimeoutSeconds }: Props) {
  return (
    <Routes>
      <Route element={<SurveyLayout fetchImpl={fetchImpl} idleTimeoutSeconds={idleTimeoutSeconds} />}>
        <Route path={PATHS.start} element={<StartScreen />} />
        <Route path="/s/:code" element={<CodeLink />} />
        <Route path="/k/:slug" element={<EntryLink />} />
        {/* One boundary for the lazy steps, kept across them: a step that is not loaded yet keeps
            the screen before it (navigations are transitions) instead of a flash of "Loading". */}
        <Route element={<LazySteps />}>
          <Route path="/kiosk/:token" element={<KioskEnrolRoute />} />
          <Route path={PATHS.intro} element={<IntroScreen />} />
          <Route path="/pastand/:n" element={<StatementScreen />} />
          <Route path={PATHS.background} element={<BackgroundScreen />} />
          <Route path={PATHS.open} element={<OpenQuestionScreen />} />
          <Route path={PATHS.review} element={<ReviewScreen />} />
          <Route path={PATHS.thanks} element={<ThanksScreen />} />
        </Route>
        <Route
          path={`${PATHS.factors}/*`}
          element={
            <Suspense fallback={<Loading />}>
              <FactorRoutes />
            </Suspense>
          }
        />
        <Route
          path={ACCESSIBILITY_PATH}
          element={
            <Suspense fallback={<Loading />}>
              <AccessibilityRoutes fetchImpl={fetchImpl} />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route element={<StaffFrame />}>
        {/* The plain frame: the public plan needs no survey session, draft or idle wipe. */}
        <Route
          path="/dette-gjor-vi/*"
          element={
            <Suspense fallback={<Loading />}>
              <PlanRoutes />
            </Suspense>
          }
        />
        <Route
          path={`${MEETING_PATHS.join}/*`}
          element={
            <Suspense fallback={<Loading />}>
              <MeetingRoutes fetchImpl={fetchImpl} />
            </Suspense>
          }
        />
        <Route
          path="/admin/*"
          element={
            <Suspense fallback={<Loading />}>
              <AdminRoutes />
            </Suspense>
          }
        />
        <Route
          path="/oppsett/:token"
          element={
            <Suspense fallback={<Loading />}>
              <SetupRoute />
            </Suspense>
          }
        />
        <Route
          path="/nytt-passord/:token"
          element={
            <Suspense fallback={<Loading />}>
              <PasswordResetRoute />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}

// Features never import each other: the kiosk enrolment gets the survey session's fetch and its
// round reload from here, the one place that joins the two.
function KioskEnrolRoute() {
  const { apiFetch, reloadRound } = useSurvey();
  return <KioskEnrolScreen apiFetch={apiFetch} reloadRound={reloadRound} />;
}

function LazySteps() {
  return (
    <Suspense fallback={<Loading />}>
      <StepTexts>
        <Outlet />
      </StepTexts>
    </Suspense>
  );
}

/** Suspends (inside LazySteps' boundary) until the steps' texts are here, in the language shown. */
function StepTexts({ children }: { children: ReactNode }) {
  useTranslation(STEP_TEXTS, { useSuspense: true });
  return children;
}

function StaffFrame() {
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <p role="status">{t('app.loading')}</p>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <h1>{t('app.notFound')}</h1>
      <Link to={PATHS.start}>{t('app.toStart')}</Link>
    </div>
  );
}
