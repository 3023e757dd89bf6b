// Owns "everything of this person goes" on the storage side (shared tablet rule). The outbox
// stays: no screen can read it, and the finished response must still be sent.
import { wipeDraft } from './drafts';

export async function wipeRespondentData(): Promise<void> {
  await wipeDraft();
}
