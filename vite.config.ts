/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

process.env.TZ = 'Europe/Oslo';

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
          '**/assets/StaffRoutes-*',
          '**/assets/admin-*',
          '**/assets/reports-*',
          '**/assets/preparation-*',
          '**/assets/followup-*',
        ],
        navigateFallback: '/index.html',
        // Answers never pass through a Workbox cache: the API is network-only by omission.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The public "Dette gjør vi" plan (no login, by its token) stays readable offline once opened:
        // the network first, the last good reply when there is none. Nothing else of the API is
        // cached, and never a staff reply.
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
  ],
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    // The respondent bundle is one chunk of react, router, dexie and i18next (about 160 kB gzip).
    chunkSizeWarningLimit: 600,
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
