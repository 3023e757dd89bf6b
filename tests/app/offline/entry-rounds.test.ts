// The device's cache of every open round of its municipality (issue 14: several rounds open at
// once): fetched at the entry address, served offline, forgotten when the server says so, and the
// refusals of each cached round kept as long as that round may still be synced.
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchCurrentRound, saveEntrySlug, saveKiosk } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { pruneRejected, REJECTED_MAX_AGE_MS } from '../../../src/app/offline/outbox-settle';
import type { EntryRoundsResponse } from '../../../src/shared/api/respondent';
import { roundFixture } from '../support/fixtures';
import { useFreshDb } from './fakes';

const A = roundFixture({ id: 'round-a', closesOn: '2026-03-31' });
const B = roundFixture({ id: 'round-b', closesOn: '2026-06-30', questionnaireVersion: 'v2' });
const V2 = { ...A.questionnaire, version: 'v2' };
const ENTRY: EntryRoundsResponse = {
  municipality: { slug: 'demo-kommune', name: 'Demo kommune' },
  rounds: [A.round, B.round],
  questionnaires: [A.questionnaire, V2],
  settings: { idleTimeoutSeconds: 300 },
};

const reply = (status: number, body: unknown) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

beforeEach(useFreshDb);

describe('the rounds of the entry address', () => {
  it('caches both open rounds, each with its own questionnaire, and serves them offline', async () => {
    await saveEntrySlug('demo-kommune');
    const urls: string[] = [];
    const server = (input: RequestInfo | URL) => {
      urls.push(input instanceof Request ? input.url : input.toString());
      return reply(200, ENTRY)();
    };
    const online = await fetchCurrentRound(server, { now: 7 });
    expect(urls).toEqual(['/api/v1/entries/demo-kommune/rounds']);
    const expected = [
      { round: A.round, questionnaire: A.questionnaire, settings: ENTRY.settings },
      { round: B.round, questionnaire: V2, settings: ENTRY.settings },
    ];
    expect(online).toEqual({ source: 'network', data: expected[0], rounds: expected, fetchedAt: 7 });
    expect(await fetchCurrentRound(offline)).toEqual({
      source: 'cache',
      data: expected[0],
      rounds: expected,
      fetchedAt: 7,
    });
  });

  it('stops offering the rounds when none is open any more, or the address is unknown', async () => {
    await saveEntrySlug('demo-kommune');
    await fetchCurrentRound(reply(200, ENTRY));
    expect(await fetchCurrentRound(reply(200, { ...ENTRY, rounds: [], questionnaires: [] }))).toEqual({
      source: 'none',
      reason: 'no-current-round',
    });
    expect(await fetchCurrentRound(offline)).toEqual({ source: 'none', reason: 'unavailable' });
    await fetchCurrentRound(reply(200, ENTRY));
    const unknown = { error: { code: 'ENTRY_UNKNOWN', message: 'x' } };
    expect(await fetchCurrentRound(reply(404, unknown))).toMatchObject({ source: 'none' });
    expect(await fetchCurrentRound(offline)).toEqual({ source: 'none', reason: 'unavailable' });
  });

  it('leaves out a round whose questionnaire did not come with it', async () => {
    await saveEntrySlug('demo-kommune');
    const result = await fetchCurrentRound(reply(200, { ...ENTRY, questionnaires: [A.questionnaire] }));
    expect(result.source === 'network' && result.rounds.map((r) => r.round.id)).toEqual(['round-a']);
  });

  it('keeps an enrolled kiosk on its own round, whatever address it was opened with', async () => {
    await saveEntrySlug('demo-kommune');
    await saveKiosk({
      credential: 'kiosk-credential',
      kiosk: {
        id: 'k1',
        label: 'Nettbrett 1',
        unit: A.round.unit,
        openKiosk: true,
        round: { ...A.round, status: 'open' },
        revokedOn: null,
      },
    });
    const urls: string[] = [];
    const server = (input: RequestInfo | URL) => {
      urls.push(input instanceof Request ? input.url : input.toString());
      return reply(200, A)();
    };
    expect(await fetchCurrentRound(server)).toMatchObject({ source: 'network', data: A });
    expect(urls).toEqual(['/api/v1/rounds/current']);
  });

  it('keeps the refusals of every cached round until that round is over, not only the newest', async () => {
    await saveEntrySlug('demo-kommune');
    await fetchCurrentRound(reply(200, ENTRY));
    await getDb().rejected.bulkPut([
      { id: 'a', roundId: 'round-a', code: 'CODE_UNKNOWN', rejectedAt: 0 },
      { id: 'b', roundId: 'round-b', code: 'CODE_ALREADY_USED', rejectedAt: 0 },
    ]);
    // Older than the age limit, before round B's close (plus the longest grace), after round A's.
    const now = Date.parse('2026-06-15T12:00:00Z');
    expect(now).toBeGreaterThan(REJECTED_MAX_AGE_MS);
    expect(await pruneRejected(now)).toBe(1);
    expect((await getDb().rejected.toArray()).map((r) => r.id)).toEqual(['b']);
  });
});
