// Owns every staff request the PWA makes: same-origin cookies (the session cookie is HttpOnly, so
// this code never sees it), the CSRF token echoed on unsafe methods, and one error type that
// screens turn into messages. The token lives only in memory: a reload asks /auth/me again.
import { CSRF_HEADER } from '../../../shared/api/staff';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/errors';

/** A failed staff request: the HTTP status and, when the server sent the error envelope, its code. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'UNKNOWN',
    message: string,
    /** The parsed error answer, for envelopes with more than a code (CSV_INVALID lists lines). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'StaffApiError';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface StaffClientOptions {
  /** Read at request time, so a token from a fresh login is used at once. */
  getCsrfToken: () => string | undefined;
  /** Told about every 401, so the session can send the person to the login screen. */
  onUnauthenticated?: () => void;
}

/** A body sent as is (e.g. a CSV file) rather than as JSON. */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/** `path` is whole, prefix included: built by apiPath() from STAFF_PATHS (see api/*.ts). */
export type StaffRequest = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function errorCodeOf(body: unknown): ErrorCode | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: { code?: unknown } }).error;
  const code = error?.code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createStaffRequest({ getCsrfToken, onUnauthenticated }: StaffClientOptions): StaffRequest {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined)
      headers['content-type'] = body instanceof RawBody ? body.contentType : 'application/json';
    const token = getCsrfToken();
    if (UNSAFE.has(method) && token) headers[CSRF_HEADER] = token;
    let response: Response;
    try {
      // Global fetch looked up per call, so tests can stub it.
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: body === undefined ? undefined : body instanceof RawBody ? body.text : JSON.stringify(body),
      });
    } catch (error) {
      throw new StaffApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
    }
    const data = await readJson(response);
    if (!response.ok) {
      if (response.status === 401) onUnauthenticated?.();
      const code = errorCodeOf(data) ?? 'UNKNOWN';
      throw new StaffApiError(response.status, code, `${method} ${path}: ${response.status} ${code}`, data);
    }
    return data as T;
  };
}
