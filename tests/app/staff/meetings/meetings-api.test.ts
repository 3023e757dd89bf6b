// The staff meeting client sends each call to the contract's address with its method and body.
import { describe, expect, it, vi } from 'vitest';
import { meetingEventsUrl, meetingsApi } from '../../../../src/app/staff/api/meetings';
import type { StaffRequest } from '../../../../src/app/staff/api/client';

function recorder() {
  const calls: [string, string, unknown][] = [];
  const request = vi.fn((method: string, path: string, body?: unknown) => {
    calls.push([method, path, body]);
    return Promise.resolve({});
  }) as unknown as StaffRequest;
  return { calls, api: meetingsApi(request) };
}

describe('meetings api', () => {
  it('uses the contract addresses and methods', async () => {
    const { calls, api } = recorder();
    await api.list('r1', 'u 1');
    await api.control('m1', { action: 'extend', minutes: 5 });
    await api.contribute('m1', { clientId: '0'.repeat(36), text: 'Humor', group: 2 });
    await api.group('m1', 'c1', 'Samhold');
    await api.chooseFocus('m1', { keep: 'mestringsklima', improve: 'rolleklarhet' });
    await api.approve('m1', { summary: 'Vi holder på mestringsklima.' });
    expect(calls).toEqual([
      ['GET', '/api/v1/meetings?roundId=r1&unitId=u+1', undefined],
      ['POST', '/api/v1/meetings/m1/control', { action: 'extend', minutes: 5 }],
      ['POST', '/api/v1/meetings/m1/contributions', { clientId: '0'.repeat(36), text: 'Humor', group: 2 }],
      ['PUT', '/api/v1/meetings/m1/contributions/c1/group', { contributionId: 'c1', label: 'Samhold' }],
      ['POST', '/api/v1/meetings/m1/focus', { keep: 'mestringsklima', improve: 'rolleklarhet' }],
      ['POST', '/api/v1/meetings/m1/approve', { summary: 'Vi holder på mestringsklima.' }],
    ]);
    expect(meetingEventsUrl('m1')).toBe('/api/v1/meetings/m1/events');
  });
});
