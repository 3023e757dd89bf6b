// Everything the app needs around it: i18n, the router, the sync client and the survey session.
// Tests render this with their own i18n instance, router and fetch.
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { SyncContext, type SyncHandle } from './ui/SyncContext';
import { SurveyProvider } from './features/survey/SurveyProvider';
import { App } from './App';

interface Props {
  i18n: i18n;
  sync: SyncHandle | null;
  fetchImpl?: typeof fetch;
  idleTimeoutSeconds?: number;
  router: (children: ReactNode) => ReactNode;
}

export function Root({ i18n, sync, fetchImpl, idleTimeoutSeconds, router }: Props) {
  return (
    <I18nextProvider i18n={i18n}>
      <SyncContext.Provider value={sync}>
        {router(
          <SurveyProvider fetchImpl={fetchImpl} idleTimeoutSeconds={idleTimeoutSeconds}>
            <App />
          </SurveyProvider>,
        )}
      </SyncContext.Provider>
    </I18nextProvider>
  );
}
