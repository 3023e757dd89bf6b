// Which X-Forwarded-For entries the server believes (TRUST_PROXY). The client address counts for
// the guessing limits (codes/code-attempts.ts, auth/rate-limit.ts), so a client must not be able
// to choose it: Fastify's `trustProxy: true` would believe every entry of X-Forwarded-For, and a
// client that writes a new address there each time would be a new client each time. So:
// - unset, "", "false" or "0": off; the address is the socket's peer;
// - "true" or "1": exactly one proxy hop (the peer is the proxy; the address it saw is the last
//   entry it appended). The server's port must then be reachable only through that proxy;
// - a whole number n (2..10): n proxy hops, counted from the peer;
// - a comma-separated list of proxy addresses or CIDR subnets (e.g. "10.0.0.5, 172.16.0.0/12"),
//   or the names loopback, linklocal and uniquelocal: only entries added by those are believed.
// Anything else refuses to start (StartRefused: the message alone, saying what to write).
import { isIP } from 'node:net';
import { StartRefused } from './db/start-refused';

/** What TRUST_PROXY gives: off, a hop count or the trusted proxy addresses, never `true`. */
export type TrustProxySetting = false | number | string[];

/** What an embedder may pass buildApp: the same, or `true` for exactly one hop. */
export type TrustProxyOption = boolean | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

export function parseTrustProxy(value: string | undefined): TrustProxySetting {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= MAX_HOPS) return hops;
  }
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrSubnet(e));
  if (bad.length > 0 || entries.length === 0) {
    throw new StartRefused(
      `TRUST_PROXY must be the number of proxy hops in front of the server (1 to ${MAX_HOPS}; "true" means 1) ` +
        `or the proxies' addresses or subnets, comma-separated (e.g. 10.0.0.5,172.16.0.0/12), not "${text}"`,
    );
  }
  return entries;
}

/** `true` (tests, embedders) means one hop, exactly as TRUST_PROXY=true does. */
function normalise(setting: TrustProxyOption | undefined): TrustProxySetting {
  if (setting === true) return 1;
  return setting ?? false;
}

/**
 * What buildApp hands Fastify: never `true` ("believe every X-Forwarded-For entry"). A hop count
 * becomes the function proxy-addr makes of one: the peer and the hops behind it, n in all.
 */
export function fastifyTrustProxy(
  setting: TrustProxyOption | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  const s = normalise(setting);
  if (typeof s !== 'number') return s;
  return (_address, hop) => hop < s;
}

/** Any proxy configured means the app sits behind the TLS proxy (HSTS, Secure cookies). */
export function isBehindProxy(setting: TrustProxyOption | undefined): boolean {
  const s = normalise(setting);
  return Array.isArray(s) ? s.length > 0 : s !== false && s > 0;
}
