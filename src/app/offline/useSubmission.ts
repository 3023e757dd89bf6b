// What became of the response this person just sent, live: the thank-you screen says "sent" only
// when the server took it, names the reason when it refused it, and says "waiting" otherwise.
// undefined while the first read runs.
import { useCallback } from 'react';
import { getDb } from './db';
import { useLiveValue } from './live';
import { readSubmissionState, type SubmissionState } from './outbox';

const nothing = () => Promise.resolve(undefined);

export function useSubmission(id: string | undefined): SubmissionState | undefined {
  const query = useCallback(() => (id ? readSubmissionState(getDb(), id) : nothing()), [id]);
  return useLiveValue<SubmissionState | undefined>(query).value;
}
