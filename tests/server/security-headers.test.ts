import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self';font-src 'self';connect-src 'self';" +
  "worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

const URLS = [
  '/',
  '/survey/abc',
  '/sw.js',
  '/manifest.webmanifest',
  '/assets/index-abc123.js',
  '/api/v1/health',
];

describeEachDatabase('security headers', (dialect) => {
  let env: TestEnvironment;
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tifaktor-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>tifaktor</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.skipWaiting;');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    env = await createEnvironment(dialect);
    app = env.secondApp({ staticDir: dist });
    proxied = env.secondApp({ staticDir: dist, trustProxy: true });
  });
  afterAll(async () => {
    await env.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the strict CSP, nosniff, no-referrer and frame denial on the PWA, its assets and the API', async () => {
    for (const url of URLS) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-security-policy'], url).toBe(CSP);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('allows no inline script or style', async () => {
    const csp = String((await app.inject('/')).headers['content-security-policy']);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends the headers on API errors too', async () => {
    const res = await app.inject('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends no HSTS on plain http without the trust-proxy option', async () => {
    for (const url of URLS)
      expect((await app.inject(url)).headers['strict-transport-security'], url).toBeUndefined();
  });

  it('sends HSTS behind the TLS proxy (trust-proxy option)', async () => {
    for (const url of URLS) {
      const res = await proxied.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000');
      expect(res.headers['content-security-policy'], url).toBe(CSP);
    }
  });
});
