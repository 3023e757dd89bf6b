// The fake staff API cannot drift from the server: a reply its route could not give fails.
import { describe, expect, it } from 'vitest';
import { FakeDriftError } from './reply-check';
import { createStaffServer, errorReply, jsonReply, unitsFixture } from './staff-server';

const get = (server: ReturnType<typeof createStaffServer>, path: string) =>
  server.fetch(`/api/v1${path}`, { method: 'GET', credentials: 'same-origin' });

describe('the fake staff API checks its replies against the server schemas', () => {
  it('passes a reply that matches the route schema', async () => {
    const server = createStaffServer();
    const response = await get(server, '/units');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ units: unitsFixture() });
    expect(server.drifts).toHaveLength(0);
  });

  it('fails a reply with a wrong field type, naming the route and the field', async () => {
    const server = createStaffServer();
    server.on('GET', '/units', () =>
      jsonReply(200, { units: [{ ...unitsFixture()[0], employeeCount: 'many' }] }),
    );
    await expect(get(server, '/units')).rejects.toThrow(/GET \/units: \/units\/0\/employeeCount/);
    expect(server.drifts[0]).toBeInstanceOf(FakeDriftError);
  });

  it('fails a reply that leaves out a required field', async () => {
    const server = createStaffServer();
    server.on('GET', '/reports/rounds', () => jsonReply(200, {}));
    await expect(get(server, '/reports/rounds')).rejects.toThrow(/GET \/reports\/rounds: \/rounds/);
  });

  it('fails a status the route never answers and an error code with the wrong status', async () => {
    const server = createStaffServer();
    server.on('POST', '/kiosks/([^/]+)/revoke', () => jsonReply(204));
    server.on('GET', '/municipality', () => errorReply(500, 'NOT_FOUND'));
    await expect(
      server.fetch('/api/v1/kiosks/k1/revoke', {
        method: 'POST',
        headers: { 'x-csrf-token': 'csrf-token-123' },
      }),
    ).rejects.toThrow('POST /kiosks/k1/revoke: the server answers 200, not 204');
    await expect(get(server, '/municipality')).rejects.toThrow('NOT_FOUND is 404 on the server');
    expect(server.drifts).toHaveLength(2);
  });

  it('fails an error reply that is not the error envelope', async () => {
    const server = createStaffServer();
    server.on('GET', '/municipality', () => jsonReply(404, { error: { code: 'NOT_FOUND' } }));
    await expect(get(server, '/municipality')).rejects.toThrow(
      'GET /municipality: 404 without a known error code',
    );
  });

  it('fails a success on a route the server does not have', async () => {
    const server = createStaffServer();
    server.on('GET', '/unit-list', () => jsonReply(200, { units: [] }));
    await expect(get(server, '/unit-list')).rejects.toThrow(
      'GET /unit-list: the server has no such staff route',
    );
  });
});
