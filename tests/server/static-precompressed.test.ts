// The built PWA is served precompressed: the build's precompress step (vite.config.ts) writes
// .br and .gz beside every text file of 1 KiB or more, and the server sends the one the browser's
// Accept-Encoding takes, with Content-Encoding and Vary: Accept-Encoding, or the file itself.
// The folder here is made by the build's own precompressDir, so the two halves are tested together.
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { precompressDir } from '../../vite.config';
import { createTestDatabase, type TestDatabase } from './support/databases';

const INDEX = `<!doctype html><html lang="nb"><title>tifaktor</title><body>${'<div class="card">tifaktor</div>\n'.repeat(60)}</body></html>`;
const ENTRY = `export const texts = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `tekst ${i}`))};\n`;
const SW = `self.addEventListener('install', () => self.skipWaiting());\n`.repeat(40);
const TINY = 'console.log(1);\n';
const ENTRY_URL = '/assets/index-abc123.js';

describe('serving the PWA precompressed', () => {
  let dist: string;
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let compressed: string[];
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tifaktor-dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'icons'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'sw.js'), SW);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), ENTRY);
    writeFileSync(join(dist, 'assets', 'tiny-abc123.js'), TINY);
    writeFileSync(join(dist, 'icons', 'icon.png'), Buffer.alloc(4096, 7));
    compressed = await precompressDir(dist);
    testDb = await createTestDatabase('sqlite');
    app = buildApp({ db: testDb.connect(), staticDir: dist });
  });
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('the build compresses text files of 1 KiB or more, and nothing else', () => {
    expect(compressed.map((f) => f.slice(dist.length + 1)).sort()).toEqual([
      join('assets', 'index-abc123.js'),
      'index.html',
      'sw.js',
    ]);
    for (const file of ['index.html', 'sw.js', join('assets', 'index-abc123.js')]) {
      const original = readFileSync(join(dist, file));
      expect(brotliDecompressSync(readFileSync(join(dist, `${file}.br`))).equals(original), file).toBe(true);
      expect(gunzipSync(readFileSync(join(dist, `${file}.gz`))).equals(original), file).toBe(true);
    }
    expect(existsSync(join(dist, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    expect(existsSync(join(dist, 'icons', 'icon.png.br'))).toBe(false);
  });

  it('sends brotli to a browser that takes it, and the body decompresses to the file', async () => {
    for (const accept of ['br', 'gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8']) {
      const res = await get(ENTRY_URL, accept);
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe('br');
      expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(res.headers['content-type'], accept).toMatch(/^text\/javascript|^application\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
      expect(res.rawPayload.length).toBeLessThan(ENTRY.length / 2);
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(ENTRY);
    }
  });

  it('sends gzip to a browser that takes gzip but not brotli', async () => {
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const res = await get(ENTRY_URL, accept);
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(gunzipSync(res.rawPayload).toString()).toBe(ENTRY);
    }
  });

  it('sends the file itself without an encoding the browser takes, still with Vary', async () => {
    for (const accept of [undefined, 'identity', 'deflate']) {
      const res = await get(ENTRY_URL, accept);
      expect(res.statusCode, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.headers.vary, String(accept)).toMatch(/accept-encoding/i);
      expect(res.body).toBe(ENTRY);
    }
  });

  it('sends a file that has no compressed copy as it is, to any browser', async () => {
    const res = await get('/assets/tiny-abc123.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(TINY);
  });

  it('compresses index.html, the service worker and the SPA fallback of a deep link too', async () => {
    for (const url of ['/', '/index.html', '/survey/abc', '/s/ABC-DEF-GHJ']) {
      const br = await get(url, 'gzip, deflate, br');
      expect(br.statusCode, url).toBe(200);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers['content-type'], url).toMatch(/^text\/html/);
      expect(br.headers['cache-control'], url).toBe('no-cache');
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.rawPayload).toString(), url).toBe(INDEX);
      const gz = await get(url, 'gzip');
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString(), url).toBe(INDEX);
      const plain = await get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.body, url).toBe(INDEX);
    }
    const sw = await get('/sw.js', 'br');
    expect(sw.headers['content-encoding']).toBe('br');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(sw.rawPayload).toString()).toBe(SW);
  });

  it('never hands out a compressed copy as a file of its own', async () => {
    for (const url of [`${ENTRY_URL}.br`, `${ENTRY_URL}.gz`, '/index.html.br']) {
      const res = await get(url);
      expect(res.headers['content-encoding'], url).toBeUndefined();
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe(INDEX);
    }
  });

  it('keeps the API out of it: an unknown API path is the NOT_FOUND envelope', async () => {
    const res = await get('/api/v1/nope', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
  });
});
