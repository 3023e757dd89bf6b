// A phone's calls to a meeting (src/shared/api/meetings.ts, the participant routes): join by
// code or QR token (the server sets the participant cookie), read the state, send a contribution,
// place dots. Replies are checked against the contract before they are trusted. meetingSender
// turns the contribution call into the outbox's sender: a stored contribution (or a resend the
// server already had) is done, a refusal for good is dropped, anything else stays for later.
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorBodySchema } from '../../shared/api/error-body';
import {
  ContributeAnswerSchema,
  ParticipantViewSchema,
  type JoinBody,
  type ParticipantView,
  type VoteBody,
} from '../../shared/api/meetings';
import { apiPath, RESPONDENT_PATHS } from '../../shared/api/respondent-paths';
import { TRANSIENT_CODES } from '../offline/reasons';
import type { MeetingSender } from '../offline/meeting-outbox';
import type { Reply } from './respondent-client';

/** A reply of the live routes; a refusal may say how long to wait (Retry-After, in seconds). */
export type LiveReply<T> =
  | Exclude<Reply<T>, { kind: 'refused' }>
  | (Extract<Reply<T>, { kind: 'refused' }> & { retryAfterSeconds?: number });

function retryAfter(res: Response): { retryAfterSeconds?: number } {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: Math.ceil(seconds) } : {};
}

export const liveEventsUrl = (): string => apiPath(RESPONDENT_PATHS.liveEvents);

async function call<S extends TSchema>(
  fetchImpl: typeof fetch,
  path: string,
  init: RequestInit,
  schema: S,
): Promise<LiveReply<Static<S>>> {
  let res: Response;
  try {
    res = await fetchImpl(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok)
    return Value.Check(schema, body)
      ? { kind: 'ok', status: res.status, body }
      : { kind: 'invalid', status: res.status };
  return Value.Check(ErrorBodySchema, body)
    ? { kind: 'refused', status: res.status, error: body.error, ...retryAfter(res) }
    : { kind: 'refused', status: res.status, ...retryAfter(res) };
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export function createMeetingLive(fetchImpl: typeof fetch) {
  return {
    join: (body: JoinBody): Promise<LiveReply<ParticipantView>> =>
      call(fetchImpl, apiPath(RESPONDENT_PATHS.meetingJoin), post(body), ParticipantViewSchema),
    state: (): Promise<LiveReply<ParticipantView>> =>
      call(fetchImpl, apiPath(RESPONDENT_PATHS.liveState), { method: 'GET' }, ParticipantViewSchema),
    contribute: (clientId: string, text: string) =>
      call(
        fetchImpl,
        apiPath(RESPONDENT_PATHS.liveContributions),
        post({ clientId, text }),
        ContributeAnswerSchema,
      ),
    vote: (body: VoteBody): Promise<LiveReply<ParticipantView>> =>
      call(fetchImpl, apiPath(RESPONDENT_PATHS.liveVotes), post(body), ParticipantViewSchema),
  };
}

/** What the phone learns from one send besides "done": the count left, or why it was refused. */
export interface SendObserver {
  onStored?: (clientId: string, answer: Static<typeof ContributeAnswerSchema>) => void;
  onRefused?: (clientId: string, code: string | undefined) => void;
}

/**
 * The outbox's sender over the live route. Offline, a 5xx, a body off the contract or a
 * transient code (RATE_LIMITED, database trouble) throws so the row stays; a 4xx with any other
 * code (phase over, limit reached, meeting closed) is final and the row is dropped.
 */
export function meetingSender(
  live: ReturnType<typeof createMeetingLive>,
  observer: SendObserver = {},
): MeetingSender {
  return async (row) => {
    const reply = await live.contribute(row.id, row.text);
    if (reply.kind === 'ok') {
      observer.onStored?.(row.id, reply.body);
      return 'stored';
    }
    if (
      reply.kind === 'refused' &&
      reply.status < 500 &&
      !TRANSIENT_CODES.has(reply.error?.code ?? 'RATE_LIMITED')
    ) {
      observer.onRefused?.(row.id, reply.error?.code);
      return 'refused';
    }
    throw new Error(reply.kind === 'refused' ? (reply.error?.code ?? String(reply.status)) : reply.kind);
  };
}
