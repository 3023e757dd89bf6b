// Owns the talk with the identity provider through openid-client: discovery (cached per issuer and
// client for a few minutes, with a short timeout so a provider that is down fails fast instead of
// holding the login page), and how a failure of openid-client is told apart: the provider did not
// answer (OIDC_PROVIDER_UNAVAILABLE), it refused (OIDC_DENIED), or its answer failed a check
// (OIDC_TOKEN_INVALID). Plain http is allowed only for a provider on this machine (127.0.0.1,
// localhost), for the tests and a local trial; every other issuer must be https.
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { ErrorCode } from '../../shared/api/errors';

export const DISCOVERY_CACHE_MS = 5 * 60 * 1000;
export const DEFAULT_TIMEOUT_SECONDS = 5;

export function isLoopbackIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** https, or http on this machine only. */
export function isAllowedIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return (url.protocol === 'https:' || isLoopbackIssuer(issuer)) && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

export interface ClientSettings {
  issuer: string;
  clientId: string;
  /** undefined: a public client (PKCE only, no secret). */
  clientSecret: string | undefined;
}

export interface OidcClients {
  /** The provider's configuration; throws what classifyFailure reads as OIDC_PROVIDER_UNAVAILABLE. */
  configuration(settings: ClientSettings): Promise<client.Configuration>;
  /** Drops the cached configuration after the provider did not answer: the next start asks again. */
  forget(settings: ClientSettings): void;
}

export function createOidcClients(options: { timeoutSeconds?: number } = {}): OidcClients {
  const timeout = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const cache = new Map<string, { config: client.Configuration; until: number }>();
  // The secret's hash in the key: a changed secret is a new configuration at once.
  const keyOf = (settings: ClientSettings) =>
    [settings.issuer, settings.clientId, sha256(settings.clientSecret ?? '')].join('\u0000');
  return {
    forget: (settings) => void cache.delete(keyOf(settings)),
    async configuration(settings) {
      const key = keyOf(settings);
      const cached = cache.get(key);
      if (cached && cached.until > Date.now()) return cached.config;
      const auth = settings.clientSecret === undefined ? client.None() : undefined;
      const config = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        auth,
        {
          timeout,
          ...(isLoopbackIssuer(settings.issuer) && { execute: [client.allowInsecureRequests] }),
        },
      );
      cache.set(key, { config, until: Date.now() + DISCOVERY_CACHE_MS });
      return config;
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(error: unknown): unknown[] {
  const found: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && found.length < 6) {
    found.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

/** What a failure of openid-client means for the person signing in. */
export function classifyFailure(
  error: unknown,
): Extract<ErrorCode, 'OIDC_PROVIDER_UNAVAILABLE' | 'OIDC_DENIED' | 'OIDC_TOKEN_INVALID'> {
  for (const link of chain(error)) {
    if (link instanceof Response) {
      if (link.status >= 500) return 'OIDC_PROVIDER_UNAVAILABLE';
      continue;
    }
    const { name, code, message } = link as { name?: unknown; code?: unknown; message?: unknown };
    if (name === 'TimeoutError' || name === 'AbortError' || code === 'OAUTH_TIMEOUT') {
      return 'OIDC_PROVIDER_UNAVAILABLE';
    }
    if (name === 'TypeError' && message === 'fetch failed') return 'OIDC_PROVIDER_UNAVAILABLE';
    if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EHOSTUNREACH|UND_ERR)/.test(code)) {
      return 'OIDC_PROVIDER_UNAVAILABLE';
    }
    if (code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return 'OIDC_DENIED';
  }
  return 'OIDC_TOKEN_INVALID';
}

/** A failure for the app log: the error's name, code and message, never a token or a code. */
export function describeFailure(error: unknown): string {
  return chain(error)
    .filter((link) => !(link instanceof Response))
    .map((link) => {
      const { name, code, message } = link as { name?: unknown; code?: unknown; message?: unknown };
      return [name, code, message].filter((part) => typeof part === 'string').join(' ');
    })
    .join(' <- ')
    .slice(0, 500);
}
