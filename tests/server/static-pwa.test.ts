import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';

const INDEX = '<!doctype html><title>tifaktor</title>';

describeEachDatabase('serving the PWA', (dialect) => {
  let env: TestEnvironment;
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tifaktor-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'sw.js'), 'self.skipWaiting;');
    writeFileSync(join(dist, 'registerSW.js'), '/* register */');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    env = await createEnvironment(dialect);
    app = env.secondApp({ staticDir: dist });
  });
  afterAll(async () => {
    await env.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const res = await app.inject('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers revalidate index.html, the service worker, its registration and the manifest', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers deep links with index.html so a reload inside the app works', async () => {
    for (const url of ['/survey/abc', '/kiosk', '/missing.png']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('never answers an API URL with the app', async () => {
    const res = await app.inject('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    expect((await app.inject('/api/v1/health')).json()).toEqual({ status: 'ok', database: dialect });
  });

  it('answers 404 to a page when the PWA is not served', async () => {
    const res = await env.app.inject('/survey/abc');
    expect(res.statusCode).toBe(404);
  });
});
