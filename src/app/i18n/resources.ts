// Owns how UI strings reach i18next. nb is the source language and types every key.
// Only nb's common and survey (the start screen's texts and the answer scale) are bundled: nb is
// the language every other one falls back to, so it is always needed, and the start screen is
// drawn with those two. Everything else loads lazily per language from its own chunk: nn's and
// en's common and survey (before the first screen when the device remembers that pick, else on
// the switch), steps (the survey's screens after the start screen, and the kiosk enrolment), sync
// and idle (the start screen's sending line and the idle guard, each itself a chunk), factors
// (long card texts), cards (the card screens' UI strings), admin, reports and the rest of the
// staff screens' texts. The service worker precaches every chunk, so switching language works
// offline after the first visit, and the respondent's first load carries one language.
import nbCommon from '../../../locales/nb/common.json';
import nbSurvey from '../../../locales/nb/survey.json';

/**
 * The bundled texts, in a new object for each i18next instance: i18next keeps the languages it
 * loads later in this very object, and one instance's nynorsk must not look bundled to the next.
 */
export const bundledResources = () => ({
  nb: { common: nbCommon, survey: nbSurvey },
});

export const LAZY_NAMESPACES = [
  'steps',
  'sync',
  'idle',
  'factors',
  'cards',
  'admin',
  'reports',
  'followup',
  'preparation',
  'plan',
  'meeting',
  'presenter',
  'accessibility',
  'records',
  'retention',
  'signin',
  'audit',
] as const;
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];

/**
 * The texts of a namespace that is not bundled. Which file is which chunk is itself a chunk
 * (locale-files.ts): fetched with the first lazy namespace (after the first render, or before it
 * on a device that remembers nn or en), so the first load carries none of the files' names.
 */
export async function loadLazyNamespace(
  lng: string,
  ns: string,
): Promise<Record<string, unknown> | undefined> {
  const { localeFiles } = await import('./locale-files');
  const loader = localeFiles[`../../../locales/${lng}/${ns}.json`];
  if (!loader) return undefined;
  return (await loader()).default;
}
