/// <reference types="vitest/config" />
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

process.env.TZ = 'Europe/Oslo';

/** What is worth compressing: text. Images (png) and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below this, a compressed copy saves less than a packet and is not made. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes file.br (brotli, best) and file.gz (gzip -9) beside every compressible file of dir of at
 * least MIN_BYTES, when the copy is smaller; the server sends one of them by Accept-Encoding
 * (src/server/plugins/static-pwa.ts, preCompressed). Returns the files it compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  const done = await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      if (body.length < MIN_BYTES) return null;
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzipAsync(body, { level: zlib.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < body.length) await writeFile(`${file}.br`, br);
      if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
      return file;
    }),
  );
  return done.filter((file) => file !== null);
}

/** After the build and after vite-plugin-pwa has written sw.js ('post'): compress dist/. */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'tifaktor:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = await precompressDir(outDir);
        this.info(`precompressed ${files.length} files (.br and .gz)`);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // 'prompt': a new version waits until the start screen applies it, never mid-survey.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png', 'robots.txt'],
      manifest: {
        name: 'tifaktor – medarbeiderundersøkelse',
        short_name: 'tifaktor',
        description: 'Svar på medarbeiderundersøkelsen om de ti faktorene, også uten nett.',
        lang: 'nb',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5394',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell, every locale (bundled in JS chunks) and the built-in questionnaire.
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        // The staff screens work online only: keep their chunks off respondents' devices.
        globIgnores: [
          // The precompressed copies (precompress() above) are the same files in another encoding.
          '**/*.br',
          '**/*.gz',
          '**/assets/StaffRoutes-*',
          '**/assets/admin-*',
          '**/assets/reports-*',
          '**/assets/preparation-*',
          '**/assets/followup-*',
          '**/assets/presenter-*',
          // The processing record's texts (issue 15): staff only, like the other staff namespaces.
          '**/assets/records-*',
          '**/assets/retention-*',
          '**/assets/signin-*',
          '**/assets/audit-*',
        ],
        navigateFallback: '/index.html',
        // Answers never pass through a Workbox cache: the API is network-only by omission.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The public "Dette gjør vi" plan (no login, by its token) stays readable offline once opened:
        // the network first, the last good reply when there is none. Nothing else of the API is
        // cached, and never a staff reply: not the meeting's live routes either (/api/v1/meetings/
        // live/*, the phone's stream and sends), while the phone's page /mote opens from the shell
        // (navigateFallback) and its chunk is precached with the others.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && url.pathname.startsWith('/api/v1/plans/public/'),
            handler: 'NetworkFirst',
            method: 'GET',
            options: {
              cacheName: 'public-plans',
              networkTimeoutSeconds: 6,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 8, maxAgeSeconds: 60 * 60 * 24 * 120 },
            },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    // The respondent's first load is one chunk of react, router, dexie, i18next and the start screen.
    chunkSizeWarningLimit: 600,
    // Every browser the PWA supports (es2022, service workers) has modulepreload: no polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything index.html loads before the first screen goes into one chunk ('$initial': the
        // entry and its static imports). Left alone, rolldown cut it into seven chunks along what
        // the lazy chunks share, each with its own import and export names (1.5 kB gzip more).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? '8080'}` },
  },
  test: {
    // Every test must make at least one assertion: a test that checks nothing cannot fail.
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'tests/shared/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/chaos/**/*.test.ts',
            'tests/fuzz/**/*.test.ts',
          ],
          environment: 'node',
          setupFiles: ['tests/setup.ts'],
          env: { TZ: 'Europe/Oslo' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/setup.ts'],
          env: { TZ: 'Europe/Oslo' },
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'Europe/Oslo' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
