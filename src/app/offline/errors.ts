// Owns the typed errors the offline layer throws to the UI, so screens can tell "this device
// cannot save" from "there is nothing to save to" without parsing messages.

export type StorageFailureReason = 'quota' | 'unavailable' | 'unknown';

/** IndexedDB refused a write (or the read a write depends on). The UI must not pretend it saved. */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError';
  readonly reason: StorageFailureReason;

  constructor(reason: StorageFailureReason, options?: { cause?: unknown }) {
    super(`Could not save on this device (${reason})`, options);
    this.reason = reason;
  }
}

/** A draft write found no draft: the idle timer or "Ferdig" wiped it in the meantime. */
export class NoDraftError extends Error {
  override readonly name = 'NoDraftError';

  constructor() {
    super('There is no draft to write to');
  }
}
