// The respondent client is the one place that knows the API's addresses and reads its replies:
// every call goes to its apiPath, and only a body of the contract comes back as ok.
import { describe, expect, it, vi } from 'vitest';
import { createRespondentClient } from '../../../src/app/connection/respondent-client';
import { roundFixture } from '../support/fixtures';

function serverAnswering(status: number, body: unknown) {
  return vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
}

const urlOf = (fetchImpl: ReturnType<typeof serverAnswering>) => {
  const input = fetchImpl.mock.calls[0]?.[0];
  return input instanceof Request ? input.url : input?.toString();
};

describe('the respondent client', () => {
  it('asks each endpoint at its address under /api/v1, with JSON bodies', async () => {
    const calls: [string, string | undefined, string | undefined][] = [];
    const fetchImpl = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([input as string, init?.method, init?.body as string | undefined]);
      return Promise.reject(new TypeError('offline'));
    });
    const client = createRespondentClient(fetchImpl);

    await client.currentRound();
    await client.checkCode('ABCD-EFGH');
    await client.enrolKiosk('tok/en');
    await client.reportKioskStatus(3);
    await client.sendResponses([], { timeoutMs: 1000 });

    expect(calls).toEqual([
      ['/api/v1/rounds/current', undefined, undefined],
      ['/api/v1/codes/check', 'POST', '{"code":"ABCD-EFGH"}'],
      ['/api/v1/kiosk/enrol', 'POST', '{"token":"tok/en"}'],
      ['/api/v1/kiosk/status', 'POST', '{"pending":3}'],
      ['/api/v1/responses', 'POST', '{"formatVersion":1,"responses":[]}'],
    ]);
  });

  it('sends answers past every cache, with a timeout', async () => {
    const fetchImpl = serverAnswering(200, { results: [] });
    await createRespondentClient(fetchImpl).sendResponses([], { timeoutMs: 1000 });
    const init = fetchImpl.mock.calls[0]?.[1];
    expect(init).toMatchObject({ cache: 'no-store', credentials: 'same-origin' });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('returns a reply of the contract as ok', async () => {
    const round = roundFixture();
    const fetchImpl = serverAnswering(200, round);
    expect(await createRespondentClient(fetchImpl).currentRound()).toEqual({
      kind: 'ok',
      status: 200,
      body: round,
    });
    expect(urlOf(fetchImpl)).toBe('/api/v1/rounds/current');
  });

  it.each([
    ['HTML from a captive portal', '<html>log in to the hotel wifi</html>'],
    ['a round without its questionnaire', { round: roundFixture().round }],
    ['a status the contract does not have', { status: 'maybe' }],
  ])('calls a 200 with %s invalid, not ok', async (_, body) => {
    const client = createRespondentClient(serverAnswering(200, body));
    expect(await client.currentRound()).toEqual({ kind: 'invalid', status: 200 });
    expect(await client.checkCode('ABCD')).toEqual({ kind: 'invalid', status: 200 });
  });

  it('calls a 200 off the contract invalid on every endpoint', async () => {
    const client = createRespondentClient(serverAnswering(200, { results: 'ok', kiosk: null, rounds: [] }));
    expect(await client.entryRounds('bergen')).toEqual({ kind: 'invalid', status: 200 });
    expect(await client.enrolKiosk('t')).toEqual({ kind: 'invalid', status: 200 });
    expect(await client.reportKioskStatus(0)).toEqual({ kind: 'invalid', status: 200 });
    expect(await client.sendResponses([], { timeoutMs: 1000 })).toEqual({ kind: 'invalid', status: 200 });
  });

  it('reads the error envelope of a refusal, and a refusal without one', async () => {
    const refused = serverAnswering(404, { error: { code: 'NOT_FOUND', message: 'none' } });
    expect(await createRespondentClient(refused).currentRound()).toEqual({
      kind: 'refused',
      status: 404,
      error: { code: 'NOT_FOUND', message: 'none' },
    });
    const bare = serverAnswering(502, '<html>Bad gateway</html>');
    expect(await createRespondentClient(bare).enrolKiosk('t')).toEqual({ kind: 'refused', status: 502 });
  });

  it('takes a 400 with per-item results as an answer, and one without them as a refusal', async () => {
    const partly = {
      results: [{ id: 'a', status: 'rejected', code: 'ROUND_NOT_OPEN', message: 'closed' }],
      error: { code: 'BATCH_PARTIALLY_REJECTED', message: 'some' },
    };
    expect(
      await createRespondentClient(serverAnswering(400, partly)).sendResponses([], { timeoutMs: 1000 }),
    ).toEqual({ kind: 'ok', status: 400, body: partly });
    const malformed = { error: { code: 'MALFORMED_REQUEST', message: 'bad envelope' } };
    expect(
      await createRespondentClient(serverAnswering(400, malformed)).sendResponses([], { timeoutMs: 1000 }),
    ).toEqual({ kind: 'refused', status: 400, error: malformed.error });
  });

  it('says unreachable when there is no answer at all', async () => {
    const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await createRespondentClient(offline).reportKioskStatus(0)).toEqual({
      kind: 'unreachable',
      message: 'Failed to fetch',
    });
  });
});
