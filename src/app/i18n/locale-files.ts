// Which chunk holds which text file: every namespace of every language except the bundled ones
// (resources.ts), one chunk per file. A chunk of its own, fetched by loadLazyNamespace the first
// time any lazy namespace is asked for, so the respondent's first load carries none of the file
// names. The staff screens' files (admin, reports, followup, preparation, presenter, signin) are kept out of the
// service worker's precache (vite.config.ts); every other file is precached for offline use.
export const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../../locales/*/*.json',
  '!../../../locales/nb/common.json',
  '!../../../locales/nb/survey.json',
]);
