// Everything the app needs around it: i18n and the language preference, the router and the sync
// client. The survey session is not here: it wraps only the respondent's routes (App.tsx).
// Tests render this with their own i18n instance, router and fetch.
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { LanguageProvider } from './i18n/LanguageProvider';
import type { LanguageStorage } from './i18n/language-choice';
import { SyncContext, type SyncHandle } from './ui/SyncContext';
import { App } from './App';

interface Props {
  i18n: i18n;
  sync: SyncHandle | null;
  fetchImpl?: typeof fetch;
  idleTimeoutSeconds?: number;
  /** Where the person's language pick is remembered (main.tsx: localStorage); none: not remembered. */
  languageStorage?: LanguageStorage | undefined;
  router: (children: ReactNode) => ReactNode;
}

export function Root({ i18n, sync, fetchImpl, idleTimeoutSeconds, languageStorage, router }: Props) {
  return (
    <I18nextProvider i18n={i18n}>
      <LanguageProvider i18n={i18n} storage={languageStorage}>
        <SyncContext.Provider value={sync}>
          {router(<App fetchImpl={fetchImpl} idleTimeoutSeconds={idleTimeoutSeconds} />)}
        </SyncContext.Provider>
      </LanguageProvider>
    </I18nextProvider>
  );
}
