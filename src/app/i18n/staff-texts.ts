// The loaders of the staff screens' texts (resources.ts asks here for a staff namespace): a chunk
// of their own, so the respondent's first load does not carry their dozen file names. Each file is
// still a chunk of its own, kept out of the service worker's precache (vite.config.ts).
export const staffTexts = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../../locales/*/{admin,reports,followup,preparation}.json',
);
