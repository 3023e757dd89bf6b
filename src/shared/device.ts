// Owns the shared-tablet timing both sides agree on. The server may send another idle timeout
// (IDLE_TIMEOUT_SECONDS); the PWA falls back to this one when it has none.

/** Idle time on a shared tablet before the draft is wiped. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
/** The server refuses a shorter idle timeout: nobody reads and answers a statement in less. */
export const MIN_IDLE_TIMEOUT_SECONDS = 30;
/** The warning comes this long before the wipe (at most half the timeout). */
export const IDLE_WARNING_SECONDS = 30;
