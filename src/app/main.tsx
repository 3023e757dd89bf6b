// The PWA's entry: start i18n, the sync loop and the service worker, then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { browserFetch } from './connection/respondent-client';
import { createI18n } from './i18n/i18n';
import { deviceLanguageStorage, loadLanguageChoice } from './i18n/language-choice';
import {
  createLazySyncClient,
  preloadCodeProof,
  probeStorage,
  requestPersistentStorage,
  withKioskCredential,
} from './offline';
import { registerServiceWorker } from './pwa/pwa-state';
import { preloadSurveySteps } from './App';
import { Root } from './Root';
import './styles.css';

async function main() {
  const languageStorage = deviceLanguageStorage();
  // Start in the remembered pick, so the first screen does not flash in another language.
  const i18n = await createI18n(loadLanguageChoice(languageStorage));
  const apiFetch = withKioskCredential(browserFetch);
  // The sync loop, the kiosk heartbeat and the code's proof are chunks of their own, fetched after
  // the first render.
  const sync = createLazySyncClient({ fetch: apiFetch });
  void probeStorage();
  void requestPersistentStorage();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <Root
        i18n={i18n}
        sync={sync}
        languageStorage={languageStorage}
        router={(children) => <BrowserRouter>{children}</BrowserRouter>}
      />
    </StrictMode>,
  );
  sync.start();
  preloadCodeProof();
  import('./features/kiosk/heartbeat').then(
    ({ startKioskHeartbeat }) => startKioskHeartbeat(apiFetch),
    () => undefined,
  );
  void registerServiceWorker();
  preloadSurveySteps(i18n);
}

void main();
