// The offline layer's public face: the only way the rest of the PWA touches on-device data.
// Everything here is awaited by the UI before it moves on; failures are typed, never silent.
//
// Start of the app (start screen):
//   await requestPersistentStorage()        → true | false | 'unsupported'
//   await probeStorage()                    → StorageHealth (also in useStorageHealth())
//   await fetchCurrentRound(fetch)          → { source: 'network' | 'cache', data, fetchedAt } | { source: 'none', reason }
//   await loadDraft({ maxAgeMs: idleMs })   → Draft | undefined (a stale draft is deleted, never offered)
//   const sync = createLazySyncClient({ fetch }); sync.start()   (after the first render: the sync
//   loop is its own chunk; sync.stop() on unmount)
//
// During a survey (await each; they throw StorageWriteError, or NoDraftError if the draft is gone):
//   startDraft(round, language) · saveAnswer(statementId, 1..5 | null) · saveBackground(id, value | undefined)
//   saveOpenText(text) · saveLanguage(lng) · saveStep(step) · useDraft()
//
//   startDraft(round, language, { code }) keeps only a proof of the code; draftMatchesCode(draft, code)
//   tells whether a typed code opens it again.
//
// Finishing: const id = await submitDraft({ code }); sync.requestSync()
// "Ferdig" / idle timeout: await wipeRespondentData()  (the draft goes, the outbox stays and is sent)
//
// Status for staff: useSyncStatus() → { pending, rejected, rejectedByCode, retryingByCode,
//   removedRejected, lastSyncAt?, isSyncing, lastError?, trouble? } (counts and codes, never content),
// useStorageHealth() → { ok: true } | { ok: false, reason: 'quota' | 'unavailable' | 'unknown' },
// listRejected() → reasons without answers, pendingCount(); useSubmission(id) for the thank-you
// screen → { state: 'waiting', failureCode? } | { state: 'rejected', code } | { state: 'sent' }.
//
// useSyncStatus (./useSyncStatus) and useSubmission (./useSubmission) are imported from their own
// files, not from here: their only users are lazy chunks (the sending line, the thank-you screen),
// and a re-export here would put them and status.ts into the respondent's first load.
export {
  draftMatchesCode,
  loadDraft,
  preloadCodeProof,
  saveAnswer,
  saveBackground,
  saveLanguage,
  saveOpenText,
  saveStep,
  startDraft,
  wipeDraft,
} from './drafts';
export type { Draft, DraftRound, WriteOptions } from './drafts';
export { listRejected, pendingCount, submitDraft } from './outbox';
export type { RejectedSummary, SubmissionState, SubmitOptions } from './outbox';
export { isTransientCode, TOO_LARGE_CODE } from './reasons';
export { createLazySyncClient } from './lazy-sync';
export type { LazySyncClient } from './lazy-sync';
export type { SyncClient, SyncClientDeps, SyncOutcome } from './sync';
export type { SyncError, SyncStatus } from './status';
export { probeStorage, requestPersistentStorage } from './storage';
export type { StorageHealth } from './storage';
export { NoDraftError, StorageWriteError } from './errors';
export type { StorageFailureReason } from './errors';
export { wipeRespondentData } from './wipe';
export {
  fetchCurrentRound,
  loadCachedRound,
  loadEntryRounds,
  loadEntrySlug,
  saveCachedRound,
  saveEntrySlug,
} from './round-cache';
export type { CachedRound, CurrentRoundResult } from './round-cache';
export { useStorageHealth } from './useStorageHealth';
export { useDraft } from './useDraft';
export { loadKiosk, reportKioskStatus, saveKiosk, withKioskCredential } from './kiosk';
export type { KioskIdentity } from './kiosk';
