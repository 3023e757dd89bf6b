// Owns the live view of the current draft for the survey screens. Restoring at start goes
// through loadDraft (which applies the idle rule); this only mirrors what is stored now.
import { readDraft, type Draft } from './drafts';
import { useLiveValue } from './live';

export function useDraft(): { draft: Draft | undefined; isLoading: boolean } {
  const { value, isLoading } = useLiveValue(readDraft);
  return { draft: value, isLoading };
}
