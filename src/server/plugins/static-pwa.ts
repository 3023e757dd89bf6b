// Serves the built PWA and the SPA fallback. Caching follows the file names: Vite's /assets/* are
// content-hashed and never change, so they are cached for a year; everything else (index.html,
// sw.js, registerSW.js, the manifest) keeps its name across releases and must be revalidated, or
// a kiosk tablet would keep an old app — and an old service worker — for good.
//
// The build writes a brotli (.br) and a gzip (.gz) copy beside each text file (vite.config.ts,
// precompress): the copy the browser's Accept-Encoding takes is sent as it is, with its
// Content-Encoding, and the file itself to one that takes neither. Every reply says
// Vary: Accept-Encoding, so a cache between keeps the encodings apart. The copies are no files
// of their own: /x.js.br gets what any path without a file gets (the SPA fallback).
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { relative, resolve, sep } from 'node:path';
import { sendError } from './error-handler';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const COMPRESSED_COPY = /\.(?:br|gz)$/;

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

export function registerStaticPwa(app: FastifyInstance, staticDir: string): void {
  const root = resolve(staticDir);
  void app.register(fastifyStatic, {
    root,
    cacheControl: false,
    preCompressed: true,
    // Checked on the path asked for, before a compressed copy is picked for it.
    allowedPath: (pathName) => !COMPRESSED_COPY.test(pathName),
    setHeaders: (res, filePath) => {
      const isAsset = relative(root, filePath).startsWith(`assets${sep}`);
      res.setHeader('Cache-Control', isAsset ? IMMUTABLE : 'no-cache');
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
}

/**
 * Unknown routes: under /api always the NOT_FOUND envelope; elsewhere a GET gets index.html when
 * the PWA is served, so deep links like /survey/abc work after a reload.
 */
export function registerNotFound(app: FastifyInstance, hasPwa: boolean): void {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (hasPwa && isPage && !isApi(request.url)) return reply.sendFile('index.html');
    return sendError(reply, 'NOT_FOUND');
  });
}
