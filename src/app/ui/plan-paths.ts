// The public "Dette gjør vi" page's addresses, here in ui/ because the staff plan screen links to
// them (a staff feature may not import a respondent feature): the page a phone opens from the link
// or the poster's QR code, and the poster for the staff room that the leader prints.
export const PUBLIC_PLAN_PATHS = {
  base: '/dette-gjor-vi',
  page: (token: string) => `/dette-gjor-vi/${encodeURIComponent(token)}`,
  poster: (token: string) => `/dette-gjor-vi/${encodeURIComponent(token)}/plakat`,
} as const;

/** The whole link to print or share, on this server's origin. */
export const publicPlanLink = (origin: string, token: string): string =>
  `${origin}${PUBLIC_PLAN_PATHS.page(token)}`;
