import { beforeEach, describe, expect, it } from 'vitest';
import type { CurrentRoundResponse } from '../../../src/shared/api/respondent';
import { fetchCurrentRound, loadCachedRound } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { useFreshDb } from './fakes';

const ROUND: CurrentRoundResponse = {
  round: {
    id: 'round-1',
    name: 'Vår 2026',
    opensOn: '2026-03-01',
    closesOn: '2026-03-31',
    status: 'open',
    defaultLanguage: 'nb',
    threshold: 5,
    openQuestionEnabled: true,
    backgroundEnabled: true,
    questionnaireVersion: 'v1',
    unit: { id: 'unit-1', name: 'Heimetenesta' },
  },
  questionnaire: {
    version: 'v1',
    statements: [],
    background: [],
    openQuestion: { label: { nb: '', nn: '', en: '' }, warning: { nb: '', nn: '', en: '' }, maxLength: 2000 },
  },
};

const ok = () => Promise.resolve(new Response(JSON.stringify(ROUND), { status: 200 }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

beforeEach(useFreshDb);

describe('current round', () => {
  it('caches the round from the server and serves it from the cache when offline', async () => {
    expect(await fetchCurrentRound(ok, { now: 7 })).toEqual({
      source: 'network',
      data: ROUND,
      rounds: [ROUND],
      fetchedAt: 7,
    });
    expect(await fetchCurrentRound(offline)).toEqual({
      source: 'cache',
      data: ROUND,
      rounds: [ROUND],
      fetchedAt: 7,
    });
  });

  it('serves the cached round when the server answers with something that is not a round', async () => {
    await fetchCurrentRound(ok, { now: 7 });
    const portal = () => Promise.resolve(new Response('<html>log in to the wifi</html>', { status: 200 }));
    const partial = () =>
      Promise.resolve(new Response(JSON.stringify({ round: ROUND.round }), { status: 200 }));

    expect(await fetchCurrentRound(portal)).toEqual({
      source: 'cache',
      data: ROUND,
      rounds: [ROUND],
      fetchedAt: 7,
    });
    expect(await fetchCurrentRound(partial)).toEqual({
      source: 'cache',
      data: ROUND,
      rounds: [ROUND],
      fetchedAt: 7,
    });
  });

  it('says unavailable when offline with nothing cached', async () => {
    expect(await fetchCurrentRound(offline)).toEqual({ source: 'none', reason: 'unavailable' });
  });

  it('forgets the cached round when the server says there is no current round', async () => {
    await fetchCurrentRound(ok);
    const notFound = () =>
      Promise.resolve(new Response('{"error":{"code":"NOT_FOUND","message":"x"}}', { status: 404 }));
    expect(await fetchCurrentRound(notFound)).toEqual({ source: 'none', reason: 'no-current-round' });
    expect(await loadCachedRound()).toBeUndefined();
  });

  it('ignores a cached row that is not a round', async () => {
    await getDb().meta.put({ key: 'currentRound', value: { data: { round: 'nope' }, fetchedAt: 1 } });
    expect(await loadCachedRound()).toBeUndefined();
  });
});
