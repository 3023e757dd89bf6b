// The staff screens' addresses under /admin, written once. They live in the kit rather than in
// shell/ because features link to each other's screens (a report links back to the list, the
// login goes home) and may not import the shell.
export const ADMIN_PATHS = {
  home: '/admin',
  login: '/admin/logg-inn',
  municipality: '/admin/kommune',
  units: '/admin/enheter',
  rounds: '/admin/runder',
  codes: '/admin/koder',
  kiosks: '/admin/nettbrett',
  accounts: '/admin/kontoer',
  account: '/admin/min-konto',
  reports: '/admin/rapporter',
  nationalFigures: '/admin/nasjonale-tall',
  preparation: '/admin/forberedelse',
  followup: '/admin/oppfolging',
  meetings: '/admin/moter',
  /** The processing record (issue 15): admin and privacy officer. */
  records: '/admin/personvern',
  /** Sign-in with the municipality's identity provider (issue 15). */
  signin: '/admin/innlogging',
  auditLog: '/admin/revisjonslogg',
} as const;
