// The respondent's routes. Norwegian paths: they show in the address bar of a Norwegian tablet.
export const PATHS = {
  start: '/',
  intro: '/intro',
  statement: (n: number) => `/pastand/${n}`,
  background: '/bakgrunn',
  open: '/kommentar',
  review: '/oversikt',
  thanks: '/takk',
  factors: '/faktorer',
} as const;
