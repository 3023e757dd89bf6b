// Owns the bridge from Dexie's liveQuery to React (dexie-react-hooks is not a dependency): a
// query re-runs whenever a table it read changes, in this tab or another.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export interface LiveValue<T> {
  value: T | undefined;
  isLoading: boolean;
}

/** query must be a stable function (module level), or the subscription restarts each render. */
export function useLiveValue<T>(query: () => Promise<T>): LiveValue<T> {
  const [state, setState] = useState<LiveValue<T>>({ value: undefined, isLoading: true });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, isLoading: false }),
      // A failing read keeps the last value; writes report storage health on their own.
      error: () => setState((previous) => ({ ...previous, isLoading: false })),
    });
    return () => subscription.unsubscribe();
  }, [query]);
  return state;
}
