import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_KEY, getDb, openDb } from '../../../src/app/offline/db';
import {
  loadDraft,
  NoDraftError,
  saveAnswer,
  saveBackground,
  saveLanguage,
  saveOpenText,
  saveStep,
  startDraft,
  wipeRespondentData,
} from '../../../src/app/offline';
import { useFreshDb } from './fakes';

const ROUND = { id: 'round-1', questionnaireVersion: 'v1', unit: { id: 'unit-1' } };
const IDLE = 120_000;

beforeEach(useFreshDb);

describe('draft', () => {
  it('persists every save so that a new connection (a reload) sees all of it', async () => {
    await startDraft(ROUND, 'nb', { now: 1_000 });
    await saveAnswer('s1', 4, { now: 2_000 });
    await saveAnswer('s2', null, { now: 3_000 });
    await saveBackground('gender', 'declined', { now: 4_000 });
    await saveOpenText('  hei  ', { now: 5_000 });
    await saveLanguage('nn', { now: 6_000 });
    await saveStep('statement-3', { now: 7_000 });

    openDb(getDb().name); // a fresh connection to the same database, as after a reload
    const draft = await loadDraft({ maxAgeMs: IDLE, now: 7_000 });
    expect(draft).toEqual({
      roundId: 'round-1',
      unitId: 'unit-1',
      questionnaireVersion: 'v1',
      language: 'nn',
      answers: { s1: 4, s2: null },
      background: { gender: 'declined' },
      openText: '  hei  ',
      step: 'statement-3',
      startedAt: 1_000,
      updatedAt: 7_000,
    });
  });

  it('removes a background answer when it is saved as undefined', async () => {
    await startDraft(ROUND, 'nb');
    await saveBackground('gender', 'female');
    const draft = await saveBackground('gender', undefined);
    expect(draft.background).toEqual({});
  });

  it('discards a draft idle for longer than the timeout instead of offering it', async () => {
    await startDraft(ROUND, 'nb', { now: 0 });
    await saveAnswer('s1', 5, { now: 10_000 });

    expect(await loadDraft({ maxAgeMs: IDLE, now: 10_000 + IDLE })).toBeDefined();
    expect(await loadDraft({ maxAgeMs: IDLE, now: 10_000 + IDLE + 1 })).toBeUndefined();
    expect(await getDb().draft.count()).toBe(0);
  });

  it('discards a draft stamped far in the future (clock set back) instead of keeping it forever', async () => {
    await startDraft(ROUND, 'nb', { now: 10 * IDLE });
    expect(await loadDraft({ maxAgeMs: IDLE, now: 0 })).toBeUndefined();
    expect(await getDb().draft.count()).toBe(0);
  });

  it('drops answer values outside 1..5 and unknown languages from a stored row', async () => {
    await getDb().draft.put({
      key: DRAFT_KEY,
      roundId: 'round-1',
      unitId: 'unit-1',
      questionnaireVersion: 'v1',
      language: 'xx' as 'nb',
      answers: { s1: 3, s2: 9, s3: '4', s4: null, s5: 2.5 } as unknown as Record<string, 1>,
      background: { gender: '', age: 7 } as unknown as Record<string, string>,
      openText: 42 as unknown as string,
      step: 'x',
      startedAt: 0,
      updatedAt: 0,
    });
    const draft = await loadDraft({ maxAgeMs: IDLE, now: 0 });
    expect(draft?.language).toBe('nb');
    expect(draft?.answers).toEqual({ s1: 3, s4: null });
    expect(draft?.background).toEqual({});
    expect(draft?.openText).toBe('');
  });

  it('discards a stored draft that has no round', async () => {
    await getDb().draft.put({ key: DRAFT_KEY, updatedAt: 0 } as never);
    expect(await loadDraft({ maxAgeMs: IDLE, now: 0 })).toBeUndefined();
    expect(await getDb().draft.count()).toBe(0);
  });

  it('refuses to save an answer when the draft has been wiped', async () => {
    await startDraft(ROUND, 'nb');
    await wipeRespondentData();
    await expect(saveAnswer('s1', 3)).rejects.toBeInstanceOf(NoDraftError);
  });

  it('refuses a value that is not on the scale', async () => {
    await startDraft(ROUND, 'nb');
    await expect(saveAnswer('s1', 6 as 5)).rejects.toBeInstanceOf(RangeError);
  });

  it('reopens a connection the browser closed and still saves the answer', async () => {
    await startDraft(ROUND, 'nb');
    getDb().close(); // what iOS does under memory pressure
    await saveAnswer('s1', 2);
    expect((await getDb().draft.get(DRAFT_KEY))?.answers).toEqual({ s1: 2 });
  });
});
