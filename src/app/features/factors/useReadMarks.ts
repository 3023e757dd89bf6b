// The deck's "read" marks, kept on this device only and never sent anywhere.
// localStorage rather than IndexedDB on purpose: the marks are not survey answers, say nothing
// sensitive (which of ten public cards someone opened), are a few bytes and need no transactions,
// and IndexedDB belongs to src/app/offline/ alone. If storage is blocked (private mode, policy),
// the marks live in memory for the visit instead of failing.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { FACTOR_IDS, isFactorId, type FactorId } from '../../../shared/factors';

export const READ_MARKS_KEY = 'tifaktor.deck.read.v1';

const listeners = new Set<() => void>();
let memory: string | null = null;
let isStorageBroken = false;
let cache: { raw: string | null; ids: readonly FactorId[] } = { raw: null, ids: [] };

function getRaw(): string | null {
  if (isStorageBroken) return memory;
  try {
    return window.localStorage.getItem(READ_MARKS_KEY);
  } catch {
    return memory;
  }
}

function setRaw(raw: string | null): void {
  memory = raw;
  try {
    if (raw === null) window.localStorage.removeItem(READ_MARKS_KEY);
    else window.localStorage.setItem(READ_MARKS_KEY, raw);
  } catch {
    isStorageBroken = true;
  }
  listeners.forEach((listener) => listener());
}

/** Whatever is stored is untrusted: keep only known factor ids, once each, in card order. */
function parse(raw: string | null): readonly FactorId[] {
  try {
    const value: unknown = raw === null ? [] : JSON.parse(raw);
    const ids = new Set(Array.isArray(value) ? value.filter(isFactorId) : []);
    return FACTOR_IDS.filter((id) => ids.has(id));
  } catch {
    return [];
  }
}

function snapshot(): readonly FactorId[] {
  const raw = getRaw();
  if (raw !== cache.raw) cache = { raw, ids: parse(raw) };
  return cache.ids;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab on the same device marking a card.
  const onStorage = (event: StorageEvent) => event.key === READ_MARKS_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export interface ReadMarks {
  read: ReadonlySet<FactorId>;
  setRead: (id: FactorId, isRead: boolean) => void;
  reset: () => void;
}

export function useReadMarks(): ReadMarks {
  const ids = useSyncExternalStore(subscribe, snapshot, () => cache.ids);
  const read = useMemo(() => new Set(ids), [ids]);
  const setRead = useCallback((id: FactorId, isRead: boolean) => {
    const next = new Set(snapshot());
    if (isRead) next.add(id);
    else next.delete(id);
    setRaw(JSON.stringify(FACTOR_IDS.filter((other) => next.has(other))));
  }, []);
  const reset = useCallback(() => setRaw(null), []);
  return { read, setRead, reset };
}
