// The request log has no line per request a respondent's device or a tablet makes (issue 11):
// with its time, such a line could be lined up with the moment someone was seen at the tablet.
// The staff's requests are logged as before (method and URL only, src/server/logger.ts).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isSilentRequest } from '../../src/server/logger';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, kioskHeaders, validResponse } from './support/fixtures';

describeEachDatabase('the request log', (dialect) => {
  let env: TestEnvironment;
  const log: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => done(void log.push(chunk.toString())),
    });
    env = await createEnvironment(dialect, { app: { logger: { level: 'trace', stream } } });
  });
  afterAll(() => env.dispose());

  it('writes no line for an ingest, a code check, a kiosk status, the current round or a questionnaire', async () => {
    log.length = 0;
    const requests = [
      { method: 'POST' as const, url: '/api/v1/responses', payload: batch([validResponse()]) },
      { method: 'POST' as const, url: '/api/v1/codes/check', payload: { code: 'ABCD-EFGH' } },
      { method: 'GET' as const, url: '/api/v1/kiosk/status', headers: kioskHeaders() },
      { method: 'GET' as const, url: '/api/v1/rounds/current' },
      { method: 'GET' as const, url: '/api/v1/questionnaires/test-v1' },
      { method: 'GET' as const, url: '/api/v1/rounds/current?lang=nn' },
    ];
    for (const request of requests) {
      const res = await env.app.inject(request);
      expect(res.statusCode, request.url).toBeLessThan(500);
    }
    expect(log).toEqual([]);
  });

  it("writes no line for a meeting phone's join, state, contribution or vote (issue 13)", async () => {
    log.length = 0;
    const clientId = '6a1f8f0e-6a43-4f55-9d67-2d5c7f1b1c02';
    const requests = [
      { method: 'POST' as const, url: '/api/v1/meetings/live/join', payload: { code: 'ZZZZZZZZ' } },
      { method: 'GET' as const, url: '/api/v1/meetings/live/state' },
      { method: 'GET' as const, url: '/api/v1/meetings/live/events' },
      {
        method: 'POST' as const,
        url: '/api/v1/meetings/live/contributions',
        payload: { clientId, text: 'Hei' },
      },
      { method: 'POST' as const, url: '/api/v1/meetings/live/votes', payload: { clientId, dots: { a: 1 } } },
    ];
    for (const request of requests) {
      const res = await env.app.inject(request);
      expect(res.statusCode, request.url).toBeLessThan(500);
    }
    expect(log).toEqual([]);
  });

  it('still logs the staff requests, by method and URL', async () => {
    log.length = 0;
    await env.app.inject('/api/v1/auth/me');
    const lines = log.map((line) => JSON.parse(line) as { req?: { method?: string; url?: string } });
    expect(lines.some((l) => l.req?.url === '/api/v1/auth/me')).toBe(true);
  });

  it('tells the silent paths from the others by path, never by query', () => {
    expect(isSilentRequest('/api/v1/kiosk/status?x=1')).toBe(true);
    expect(isSilentRequest('/s/ABCDEFGH')).toBe(true);
    expect(isSilentRequest('/api/v1/kiosk/enrol')).toBe(false);
    expect(isSilentRequest('/api/v1/rounds')).toBe(false);
    expect(isSilentRequest('/api/v1/responses/extra')).toBe(false);
  });
});
