// What Fastify answers before routing (an address that does not decode, a path parameter over the
// router's length limit) comes in the API's envelope with a stable code, and echoes nothing back.
// Found by the fuzz run (tests/fuzz): both came back as Fastify's own body, code FST_ERR_*.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openSqlite } from '../../src/server/db/database';

describe('requests Fastify refuses before routing', () => {
  let app: FastifyInstance;
  beforeAll(() => {
    app = buildApp({ db: openSqlite(':memory:') });
    return app.ready();
  });
  afterAll(() => app.close());

  it.each([
    ['a percent-encoding that does not decode', '/api/v1/questionnaires/%zz'],
    ['a broken UTF-8 sequence', '/api/v1/rounds/%E0%A4%A/units/dept/codes/summary'],
    ['a path parameter longer than any id', `/api/v1/questionnaires/${'i'.repeat(5_000)}`],
  ])('%s is 400 MALFORMED_REQUEST in the API envelope', async (_what, url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('MALFORMED_REQUEST');
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.message).not.toContain(url.slice(8, 40));
    // Answered before routing, but still with the security headers every answer carries.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
