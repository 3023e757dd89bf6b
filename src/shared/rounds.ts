// Owns the numbers a new survey round starts from and the floor the anonymity rule never goes
// below. The server applies them, the staff form shows them, the reports enforce the floor.

/** A group with fewer answers than this shows no figures (KS's usual rule). */
export const DEFAULT_THRESHOLD = 5;
/** No round may set its threshold lower: below three, a figure is close to one person's answer. */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 1000;
/** Extra days after the close in which answers collected offline by then still sync. */
export const DEFAULT_GRACE_DAYS = 7;
export const MAX_GRACE_DAYS = 60;
/** A round runs two weeks by default: this many days, the opening and the closing day included. */
export const DEFAULT_ROUND_LENGTH_DAYS = 14;
