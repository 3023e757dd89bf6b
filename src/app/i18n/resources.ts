// Owns how UI strings reach i18next. nb is the source language and types every key.
// common and survey are small and bundled; factors (long card texts), cards (the card screens'
// UI strings), admin (the staff screens) and reports (the report screens) load lazily per language, from chunks the service
// worker precaches, so switching language works offline and the respondent's first load carries
// none of them.
import nbCommon from '../../../locales/nb/common.json';
import nnCommon from '../../../locales/nn/common.json';
import enCommon from '../../../locales/en/common.json';
import nbSurvey from '../../../locales/nb/survey.json';
import nnSurvey from '../../../locales/nn/survey.json';
import enSurvey from '../../../locales/en/survey.json';
import type { Language } from '../../shared/languages';

export const bundledResources = {
  nb: { common: nbCommon, survey: nbSurvey },
  nn: { common: nnCommon, survey: nnSurvey },
  en: { common: enCommon, survey: enSurvey },
} satisfies Record<Language, Record<string, unknown>>;

export const LAZY_NAMESPACES = [
  'factors',
  'cards',
  'admin',
  'reports',
  'followup',
  'preparation',
  'plan',
  'meeting',
] as const;
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];

const lazyFiles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../../locales/*/factors.json',
  '../../../locales/*/cards.json',
  '../../../locales/*/admin.json',
  '../../../locales/*/reports.json',
  '../../../locales/*/followup.json',
  '../../../locales/*/preparation.json',
  '../../../locales/*/plan.json',
  '../../../locales/*/meeting.json',
]);

export async function loadLazyNamespace(
  lng: string,
  ns: string,
): Promise<Record<string, unknown> | undefined> {
  const loader = lazyFiles[`../../../locales/${lng}/${ns}.json`];
  if (!loader) return undefined;
  return (await loader()).default;
}
