// Owns the i18next instance: languages, fallbacks (no / nb-NO → nb, nn-NO → nn) and the
// lazy backend for the factor texts.
import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../../shared/languages';
import { bundledResources, loadLazyNamespace } from './resources';

const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    loadLazyNamespace(language, namespace).then(
      (data) => callback(null, data ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/** Maps whatever a browser or a setting says to one of our languages. */
export function normaliseLanguage(tag: string | null | undefined): Language {
  const lower = (tag ?? '').toLowerCase();
  if (isLanguage(lower)) return lower;
  if (lower.startsWith('nn')) return 'nn';
  if (lower === 'no' || lower.startsWith('nb') || lower.startsWith('no-')) return 'nb';
  if (lower.startsWith('en')) return 'en';
  return DEFAULT_LANGUAGE;
}

export async function createI18n(initialLanguage: Language = DEFAULT_LANGUAGE): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: initialLanguage,
      supportedLngs: [...LANGUAGES],
      fallbackLng: { no: ['nb'], 'nb-NO': ['nb'], 'nn-NO': ['nn'], default: ['nb'] },
      ns: ['common', 'survey'],
      defaultNS: 'common',
      resources: bundledResources(),
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  const syncHtmlLang = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = normaliseLanguage(lng);
  };
  syncHtmlLang(instance.language);
  instance.on('languageChanged', syncHtmlLang);
  return instance;
}
