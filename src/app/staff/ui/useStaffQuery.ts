// Loads staff data for a screen: keeps the last good answer while reloading or polling (so a
// table does not blink every 30 s), and turns every failure into a StaffApiError for ApiError.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { StaffRequest } from '../api/client';
import { useSession } from '../session/SessionContext';
import { toStaffApiError, type StaffApiError } from './api-errors';

interface QueryState<T> {
  key: string;
  data?: T;
  error?: StaffApiError;
  /** When the data last arrived: the "updated at" line of a polled screen. */
  loadedAt?: Date;
}

export interface StaffQuery<T> {
  data: T | undefined;
  error: StaffApiError | undefined;
  isLoading: boolean;
  loadedAt: Date | undefined;
  reload: () => void;
}

/**
 * `key` names what is loaded (change it to load something else); `pollMs` reloads on a timer
 * while the screen is open.
 */
export function useStaffQuery<T>(
  load: (request: StaffRequest) => Promise<T>,
  key: string,
  pollMs?: number,
): StaffQuery<T> {
  const { request } = useSession();
  const [state, setState] = useState<QueryState<T>>({ key });
  const [version, setVersion] = useState(0);
  const run = useEffectEvent(() => load(request));

  useEffect(() => {
    let isCurrent = true;
    run().then(
      (data) => {
        if (isCurrent) setState({ key, data, loadedAt: new Date() });
      },
      (error: unknown) => {
        if (!isCurrent) return;
        setState((prev) => ({
          key,
          data: prev.key === key ? prev.data : undefined,
          loadedAt: prev.key === key ? prev.loadedAt : undefined,
          error: toStaffApiError(error),
        }));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [key, version]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = setInterval(() => setVersion((v) => v + 1), pollMs);
    return () => clearInterval(timer);
  }, [pollMs]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const isSameKey = state.key === key;
  return {
    data: isSameKey ? state.data : undefined,
    error: isSameKey ? state.error : undefined,
    isLoading: !isSameKey || (state.data === undefined && state.error === undefined),
    loadedAt: isSameKey ? state.loadedAt : undefined,
    reload,
  };
}
