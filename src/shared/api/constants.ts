// Owns the plain values of the respondent and kiosk contracts: no TypeBox here, so the respondent's
// first load can import them without the schema builders (respondent.ts and organisation.ts, which
// re-export them for the server and the staff app). A value that changes here changes for both sides.

/** The batch envelope's formatVersion (IngestRequest). */
export const SYNC_FORMAT_VERSION = 1;
/** The most answers one batch carries. */
export const MAX_BATCH_SIZE = 100;
/** Generous for 100 responses with 2,000-character open answers, small enough to refuse abuse. */
export const MAX_BODY_BYTES = 1_048_576;
/** The most answers a device reports waiting on it; it sends min(its count, this). */
export const MAX_REPORTED_PENDING = 10_000;

/** A kiosk sends `Authorization: Kiosk <credential>` on /responses, /rounds/current and /kiosk/status. */
export const KIOSK_AUTH_SCHEME = 'Kiosk';

/** A round's lifecycle, as staff and an enrolled kiosk see it. */
export const ROUND_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
