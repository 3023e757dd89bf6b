// Owns the respondent side's conversation with the server: the only module there that knows an
// API address (through apiPath and RESPONDENT_PATHS) and the only one that reads a reply, each
// checked by the guard of its schema in src/shared/api (./reply-guards.ts: no TypeBox in the
// respondent's first load; a test holds each guard to Value.Check). A reply that does not match is
// `invalid`, never
// trusted: a captive portal's HTML, a proxy's error page or a server of another version must not
// make the device believe an answer was stored. It knows nothing of IndexedDB: the fetch it is
// given adds the kiosk credential (offline/kiosk.ts), and callers decide what to keep.
import type {
  CodeCheckResponse,
  KioskEnrolResponse,
  KioskStatusResponse,
} from '../../shared/api/organisation';
import { SYNC_FORMAT_VERSION } from '../../shared/api/constants';
import { apiPath, RESPONDENT_PATHS } from '../../shared/api/respondent-paths';
import type {
  CurrentRoundResponse,
  EntryRoundsResponse,
  IngestRequest,
  IngestResponse,
  SubmittedResponse,
} from '../../shared/api/respondent';
import type { Guard } from './guard';
import {
  isCodeCheckResponse,
  isCurrentRoundResponse,
  isEntryRoundsResponse,
  isErrorBody,
  isIngestResponse,
  isKioskEnrolResponse,
  isKioskStatusResponse,
  type ErrorEnvelope,
} from './reply-guards';

export type { ErrorEnvelope } from './reply-guards';

/**
 * ok: the server answered with a body that matches the contract.
 * refused: an error status; `error` when the body is the error envelope.
 * invalid: a status that should carry a body of the contract, but the body does not match.
 * unreachable: no answer at all (offline, DNS, timeout, aborted).
 */
export type Reply<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'refused'; status: number; error?: ErrorEnvelope['error'] }
  | { kind: 'invalid'; status: number }
  | { kind: 'unreachable'; message: string };

export interface SendOptions {
  timeoutMs: number;
  /** Answers waiting on the device besides this batch (IngestRequest.pending). */
  pending?: number;
  /** The device's own date as it sends (IngestRequest.deviceToday). */
  deviceToday?: string;
}

export interface RespondentClient {
  /** GET the round this device (or kiosk) answers now; 404 means none is open. */
  currentRound(): Promise<Reply<CurrentRoundResponse>>;
  /** GET every round open in the municipality of this entry address (/k/<slug>); 404: unknown. */
  entryRounds(slug: string): Promise<Reply<EntryRoundsResponse>>;
  /** Whether a typed one-time code is unused and its round takes answers. */
  checkCode(code: string): Promise<Reply<CodeCheckResponse>>;
  /** Spends a leader's enrolment token; the reply carries the kiosk credential, once. */
  enrolKiosk(token: string): Promise<Reply<KioskEnrolResponse>>;
  /** How many answers wait on this kiosk (a count only). */
  reportKioskStatus(pending: number): Promise<Reply<KioskStatusResponse>>;
  /** One outbox batch. A 400 with `results` is an answer too: some items were rejected. */
  sendResponses(batch: SubmittedResponse[], options: SendOptions): Promise<Reply<IngestResponse>>;
}

/**
 * The browser's own fetch, looked up per call so tests can stub it: the only bare `fetch` on the
 * respondent's side (ESLint forbids it elsewhere). main.tsx and the survey session wrap it with the
 * kiosk credential and hand it in.
 */
export const browserFetch: typeof fetch = (input, init) => fetch(input, init);

const JSON_HEADERS = { 'content-type': 'application/json' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the reply: `answered` lists the statuses whose body must pass `isContract` (2xx always
 * do). Any other status is a refusal with the error envelope when there is one.
 */
async function call<T>(
  fetchImpl: typeof fetch,
  path: string,
  init: RequestInit,
  isContract: Guard<T>,
  answered: readonly number[] = [],
): Promise<Reply<T>> {
  let res: Response;
  try {
    res = await fetchImpl(path, init);
  } catch (error) {
    return { kind: 'unreachable', message: messageOf(error) };
  }
  const body: unknown = await res.json().catch(() => undefined);
  const isAnswer = res.ok || answered.includes(res.status);
  if (isAnswer && isContract(body)) return { kind: 'ok', status: res.status, body };
  if (res.ok) return { kind: 'invalid', status: res.status };
  return isErrorBody(body)
    ? { kind: 'refused', status: res.status, error: body.error }
    : { kind: 'refused', status: res.status };
}

function postJson(body: unknown, extra: RequestInit = {}): RequestInit {
  return { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body), ...extra };
}

export function createRespondentClient(fetchImpl: typeof fetch): RespondentClient {
  return {
    currentRound: () =>
      call(
        fetchImpl,
        apiPath(RESPONDENT_PATHS.currentRound),
        // The round must be fresh: a cached copy is the offline layer's to keep, not the browser's.
        { headers: { accept: 'application/json' }, cache: 'no-store' },
        isCurrentRoundResponse,
      ),
    entryRounds: (slug) =>
      call(
        fetchImpl,
        apiPath(RESPONDENT_PATHS.entryRounds, { slug }),
        { headers: { accept: 'application/json' }, cache: 'no-store' },
        isEntryRoundsResponse,
      ),
    checkCode: (code) =>
      call(fetchImpl, apiPath(RESPONDENT_PATHS.codeCheck), postJson({ code }), isCodeCheckResponse),
    enrolKiosk: (token) =>
      call(fetchImpl, apiPath(RESPONDENT_PATHS.kioskEnrol), postJson({ token }), isKioskEnrolResponse),
    reportKioskStatus: (pending) =>
      call(fetchImpl, apiPath(RESPONDENT_PATHS.kioskStatus), postJson({ pending }), isKioskStatusResponse),
    sendResponses: (batch, { timeoutMs, pending, deviceToday }) =>
      call(
        fetchImpl,
        apiPath(RESPONDENT_PATHS.responses),
        postJson(
          {
            formatVersion: SYNC_FORMAT_VERSION,
            responses: batch,
            ...(pending !== undefined && { pending }),
            ...(deviceToday !== undefined && { deviceToday }),
          } satisfies IngestRequest,
          {
            // Answers never go through an HTTP or service-worker cache.
            cache: 'no-store',
            credentials: 'same-origin',
            signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : null,
          },
        ),
        isIngestResponse,
        [400],
      ),
  };
}
