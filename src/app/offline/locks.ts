// Owns "one sync at a time": across tabs through Web Locks, and within a tab when the browser
// has no navigator.locks (older Safari), so two passes never send the same outbox twice.

export const SYNC_LOCK_NAME = 'tifaktor-sync';
const heldInThisTab = new Set<string>();

/**
 * Runs fn if the lock is free, otherwise returns `busy` at once: whoever holds it is already
 * sending the outbox, so waiting in line would only send an empty one.
 */
export async function ifLockAvailable<T, B>(
  locks: LockManager | undefined,
  name: string,
  fn: () => Promise<T>,
  busy: () => Promise<B>,
): Promise<T | B> {
  if (locks) {
    return locks.request(name, { ifAvailable: true }, (lock) => (lock ? fn() : busy()));
  }
  if (heldInThisTab.has(name)) return busy();
  heldInThisTab.add(name);
  try {
    return await fn();
  } finally {
    heldInThisTab.delete(name);
  }
}
