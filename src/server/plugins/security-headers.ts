// Security headers on every answer, the API and the PWA alike (@fastify/helmet, registered before
// any route so its onRequest hook covers them all, the 404 fallback included). The CSP is strict:
// the built index.html has no inline script or style, React sets style props through the CSSOM and
// the QR codes are SVG with presentation attributes only, so nothing needs 'unsafe-inline'.
// HSTS only behind the TLS proxy (trustProxy): on plain-http localhost it would be wrong.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const HSTS_MAX_AGE_SECONDS = 31_536_000;

function helmetOptions(options: { behindTlsProxy: boolean }) {
  return {
    // Only the directives above: helmet's defaults add upgrade-insecure-requests, which a kiosk
    // on plain http in the local network must not get.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' as const },
    noSniff: true,
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: options.behindTlsProxy
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false }
      : false,
  };
}

export function registerSecurityHeaders(app: FastifyInstance, options: { behindTlsProxy: boolean }): void {
  void app.register(fastifyHelmet, { global: true, ...helmetOptions(options) });
}

/**
 * The same headers for an answer made outside the request hooks (Fastify's frameworkErrors, sent
 * before routing, when helmet's onRequest hook has not run).
 */
export function securityHeadersFor(options: { behindTlsProxy: boolean }) {
  const apply = helmet(helmetOptions(options));
  return (request: FastifyRequest, reply: FastifyReply): void => {
    apply(request.raw, reply.raw, () => undefined);
  };
}
