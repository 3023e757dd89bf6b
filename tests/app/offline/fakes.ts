// Test doubles for the offline layer: a fresh database per test, an ingest server that answers
// per item like the real one, timers we fire by hand, and a Web Locks double.
import type { IngestItemResult, IngestRequest, SubmittedResponse } from '../../../src/shared/api/respondent';
import { getDb, openDb, type OutboxRow } from '../../../src/app/offline/db';
import { resetStorageHealthForTests } from '../../../src/app/offline/storage';

export function useFreshDb(): void {
  openDb(`tifaktor-test-${crypto.randomUUID()}`);
  resetStorageHealthForTests();
}

const WIRE_KEYS = new Set([
  'id',
  'roundId',
  'unitId',
  'questionnaireVersion',
  'answeredOn',
  'answers',
  'background',
  'openText',
]);

export function response(overrides: Partial<SubmittedResponse> = {}): SubmittedResponse {
  return {
    id: crypto.randomUUID(),
    roundId: 'round-1',
    unitId: 'unit-1',
    questionnaireVersion: 'v1',
    answeredOn: '2026-03-02',
    answers: { s1: 4, s2: null },
    background: {},
    ...overrides,
  };
}

/** Queues n responses with queuedAt = startAt + position; returns their ids oldest first. */
export async function seedOutbox(
  n: number,
  startAt = 1_000,
  overrides: (i: number) => Partial<SubmittedResponse> = () => ({}),
): Promise<string[]> {
  const rows: OutboxRow[] = Array.from({ length: n }, (_, i) => ({
    ...response(overrides(i)),
    queuedAt: startAt + i,
  }));
  // Inserted in reverse so that insertion order cannot pass for queue order.
  await getDb().outbox.bulkAdd([...rows].reverse());
  return rows.map((row) => row.id);
}

export type ServerMode =
  'ok' | 'network' | 'http500' | 'http503' | 'http429' | 'html' | 'malformed' | 'off-contract';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Answers like POST /api/v1/responses: per item accepted / duplicate / rejected. */
export function createFakeServer() {
  const server = {
    mode: 'ok' as ServerMode,
    /** Ids stored so far: a second copy is a duplicate. */
    stored: new Set<string>(),
    /** Every batch as received, by id. */
    batches: [] as string[][],
    rejectCodes: new Map<string, string>(),
    /** Ids the server leaves out of its results. */
    omit: new Set<string>(),
    /** While set, requests wait for it: lets a test hold a request open. */
    gate: undefined as Promise<void> | undefined,
    /** Requests that reached the server, counted before the gate. */
    calls: 0,
    /** A body larger than this gets 413 (with the server's envelope, or a proxy's HTML page). */
    maxBodyBytes: Number.POSITIVE_INFINITY,
    tooLargeFrom: 'server' as 'server' | 'proxy',
    /** A batch holding any of these ids crashes the server: 500 for the whole request. */
    crashOn: new Set<string>(),
    /** When set, every item is refused with this code. */
    rejectEvery: undefined as string | undefined,
    /** Sizes (in items) of every request that reached the server, whatever it answered. */
    sizes: [] as number[],
    get received(): string[] {
      return server.batches.flat();
    },
    fetch: async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      server.calls += 1;
      if (server.gate) await server.gate;
      switch (server.mode) {
        case 'network':
          throw new TypeError('Failed to fetch');
        case 'http500':
          return json(500, { error: { code: 'INTERNAL_ERROR', message: 'boom' } });
        case 'http503':
          // The server lost its database connection (a restart, a failover).
          return json(503, {
            error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable' },
          });
        case 'http429':
          return json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } });
        case 'html':
          return new Response('<html>captive portal</html>', { status: 200 });
        case 'malformed':
          return json(400, { error: { code: 'MALFORMED_REQUEST', message: 'bad envelope' } });
        case 'ok':
        case 'off-contract':
          break;
      }
      const raw = init?.body as string;
      const body = JSON.parse(raw) as IngestRequest;
      server.sizes.push(body.responses.length);
      if (new TextEncoder().encode(raw).length > server.maxBodyBytes) {
        return server.tooLargeFrom === 'proxy'
          ? new Response('<html>413 Request Entity Too Large</html>', { status: 413 })
          : json(413, { error: { code: 'BODY_TOO_LARGE', message: 'The body is too large' } });
      }
      if ((body.responses as SubmittedResponse[]).some((item) => server.crashOn.has(item.id))) {
        return json(500, { error: { code: 'INTERNAL_ERROR', message: 'Internal server error' } });
      }
      if (body.formatVersion !== 1 || body.responses.length > 100) {
        return json(400, { error: { code: 'MALFORMED_REQUEST', message: 'bad envelope' } });
      }
      const items = body.responses as SubmittedResponse[];
      server.batches.push(items.map((item) => item.id));
      if (server.mode === 'off-contract') {
        // Stores the first, then answers in a shape the contract does not have (no reason code).
        if (items[0]) server.stored.add(items[0].id);
        const results = items.map((item, i) => ({ id: item.id, status: i === 0 ? 'accepted' : 'rejected' }));
        return json(200, { results });
      }
      const results = items
        .filter((item) => !server.omit.has(item.id))
        .map((item): IngestItemResult => {
          const code = Object.keys(item).some((k) => !WIRE_KEYS.has(k))
            ? 'INVALID_RESPONSE'
            : (server.rejectEvery ?? server.rejectCodes.get(item.id));
          if (code) return { id: item.id, status: 'rejected', code, message: `refused: ${code}` };
          if (server.stored.has(item.id)) return { id: item.id, status: 'duplicate' };
          server.stored.add(item.id);
          return { id: item.id, status: 'accepted' };
        });
      return results.some((r) => r.status === 'rejected')
        ? json(400, { results, error: { code: 'BATCH_PARTIALLY_REJECTED', message: 'some rejected' } })
        : json(200, { results });
    },
  };
  return server;
}

/** setTimeout/clearTimeout that only record; a test fires them by hand. */
export function createManualTimers() {
  const pending = new Map<number, () => void>();
  let nextId = 1;
  return {
    /** Every delay ever scheduled, in order. */
    delays: [] as number[],
    pending,
    setTimeout(fn: () => void, ms: number): unknown {
      this.delays.push(ms);
      pending.set(nextId, fn);
      return nextId++;
    },
    clearTimeout(handle: unknown): void {
      pending.delete(handle as number);
    },
    fireAll(): void {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((fn) => fn());
    },
  };
}

/** Web Locks with exclusive locks and ifAvailable, shared by "tabs" in one test. */
export class FakeLockManager implements LockManager {
  readonly held = new Set<string>();
  requests = 0;

  query(): Promise<LockManagerSnapshot> {
    return Promise.resolve({
      held: [...this.held].map((name) => ({ name, mode: 'exclusive' as const })),
      pending: [],
    });
  }

  request<T>(name: string, callback: LockGrantedCallback<T>): Promise<T>;
  request<T>(name: string, options: LockOptions, callback: LockGrantedCallback<T>): Promise<T>;
  async request<T>(
    name: string,
    a: LockOptions | LockGrantedCallback<T>,
    b?: LockGrantedCallback<T>,
  ): Promise<T> {
    const options = typeof a === 'function' ? {} : a;
    const callback = typeof a === 'function' ? a : b!;
    this.requests += 1;
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error('FakeLockManager only supports ifAvailable when the lock is held');
    }
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.held.delete(name);
    }
  }
}
