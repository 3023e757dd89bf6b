// Every string a client sends is checked before any route sees it: the path parameters, the query
// and the body (JSON or a CSV text), keys included. Text with a control character no person types
// or a lone surrogate (src/shared/text.ts) is refused with 400 INVALID_TEXT, the same on SQLite and
// PostgreSQL, instead of failing in the database (PostgreSQL refuses U+0000) or being stored
// altered. A route whose body is checked item by item (the ingest, so that one bad answer does not
// sink the batch) says so with `config.textCheckedByRoute` and checks the body itself.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findUnstorableText, isStorableText } from '../../shared/text';
import { ApiError } from '../api-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks the text of its body itself (params and query are still checked here). */
    textCheckedByRoute?: 'body';
  }
}

/** "body line 3" for a text body (the CSV imports), so the admin can find it. */
function lineOf(text: string): number {
  return text.split('\n').findIndex((line) => !isStorableText(line)) + 1;
}

function where(part: string, value: unknown): string | undefined {
  const path = findUnstorableText(value);
  if (path === undefined) return undefined;
  if (typeof value === 'string') return `${part} line ${lineOf(value)}`;
  return path === '' ? part : `${part}${path}`;
}

function unstorableIn(request: FastifyRequest): string | undefined {
  const body = request.routeOptions.config.textCheckedByRoute === 'body' ? undefined : request.body;
  return where('params', request.params) ?? where('querystring', request.query) ?? where('body', body);
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request: FastifyRequest) => {
    const found = unstorableIn(request);
    if (found === undefined) return Promise.resolve();
    return Promise.reject(
      new ApiError('INVALID_TEXT', `${found}: holds a control character or a lone surrogate`),
    );
  });
}
