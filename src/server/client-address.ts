// Who "one client" is for the guessing limits (codes/code-attempts.ts, auth/rate-limit.ts): the
// address Fastify settled on (request.ip, which believes X-Forwarded-For only from the configured
// proxy hops, see trust-proxy.ts), grouped so that one machine cannot pass for many. An IPv4
// address is itself (also when written as ::ffff:a.b.c.d); an IPv6 address counts as its /64,
// because one subscriber usually gets a whole /64 and could rotate through 2^64 addresses of it.
// The result is only ever hashed with a key before it is stored.
import { isIPv4, isIPv6 } from 'node:net';

/** Expands "2001:db8::1" into its eight groups of four hex digits. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.padStart(4, '0'));
}

export function clientGroup(address: string): string {
  const plain = address.replace(/%.*$/, ''); // a zone id says nothing about who it is
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1]!;
  if (isIPv4(plain)) return plain;
  if (isIPv6(plain)) return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
  return plain;
}
