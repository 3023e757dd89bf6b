import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/databases';
import { createEnvironment, type TestEnvironment } from './support/environment';
import { batch, validResponse } from './support/fixtures';

const RESPONSE_COLUMNS = [
  'answered_on',
  'answers',
  'background',
  'id',
  'open_text',
  'questionnaire_version',
  'round_id',
  'unit_id',
];

describeEachDatabase('anonymity', (dialect) => {
  let env: TestEnvironment;
  const log: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => done(void log.push(chunk.toString())),
    });
    // 'trace' so that nothing the app might ever log is filtered out before we look at it.
    env = await createEnvironment(dialect, { app: { logger: { level: 'trace', stream } } });
  });
  afterAll(() => env.dispose());

  it('gives the response table no column that can hold a time of day, an IP or a device', async () => {
    const tables = await env.database.kysely.introspection.getTables();
    const responses = tables.find((t) => t.name === 'responses')!;
    expect(responses.columns.map((c) => c.name).sort()).toEqual(RESPONSE_COLUMNS);
    for (const column of responses.columns) {
      expect(column.dataType.toLowerCase()).toBe('text');
      expect(column.isAutoIncrementing).toBe(false);
    }
  });

  it('keeps no hidden insertion counter on responses', async () => {
    const query = sql`select rowid from responses`.execute(env.database.kysely);
    // SQLite: WITHOUT ROWID. PostgreSQL has no rowid column at all.
    await expect(query).rejects.toThrow(/rowid/);
  });

  it('logs neither the body, the address nor the user agent of an ingest request', async () => {
    const item = validResponse({ openText: 'Hemmelig tekst' });
    const rejected = validResponse({ openText: 'x'.repeat(30) });
    log.length = 0;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/responses',
      headers: { 'user-agent': 'KioskTablet/3.1' },
      payload: batch([item, rejected]),
    });
    expect(res.statusCode).toBe(400);
    const text = log.join('');
    for (const secret of [
      item.id,
      rejected.id,
      'Hemmelig',
      'round-open',
      '127.0.0.1',
      'remoteAddress',
      'KioskTablet',
    ]) {
      expect(text).not.toContain(secret);
    }
    // Stronger still: the ingest route writes no per-request line at all.
    expect(log).toEqual([]);
  });

  it('logs other requests as method and URL only', async () => {
    log.length = 0;
    await env.app.inject({ url: '/api/v1/health', headers: { 'user-agent': 'KioskTablet/3.1' } });
    const lines = log.map((line) => JSON.parse(line) as { msg: string; req?: unknown });
    expect(lines.find((l) => l.msg === 'incoming request')?.req).toEqual({
      method: 'GET',
      url: '/api/v1/health',
    });
    const text = log.join('');
    for (const secret of ['127.0.0.1', 'remoteAddress', 'remotePort', 'KioskTablet'])
      expect(text).not.toContain(secret);
  });
});
