// Whether one finished response still waits in the outbox: the thank-you screen tells the
// person "sent" or "waiting on the device" from this. undefined while the first read runs.
import { useCallback } from 'react';
import { getDb } from './db';
import { useLiveValue } from './live';

const never = () => Promise.resolve(false);

export function useIsQueued(id: string | undefined): boolean | undefined {
  const query = useCallback(async () => (id ? (await getDb().outbox.get(id)) !== undefined : false), [id]);
  return useLiveValue(id ? query : never).value;
}
