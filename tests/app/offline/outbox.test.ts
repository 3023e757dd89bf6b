import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_KEY, getDb } from '../../../src/app/offline/db';
import {
  listRejected,
  pendingCount,
  saveAnswer,
  saveBackground,
  saveOpenText,
  startDraft,
  StorageWriteError,
  submitDraft,
  wipeRespondentData,
} from '../../../src/app/offline';
import { isStorableText } from '../../../src/shared/text';
import { useFreshDb } from './fakes';

const ROUND = { id: 'round-1', questionnaireVersion: 'v1', unit: { id: 'unit-1' } };
// 23:30 UTC on 1 March is 00:30 on 2 March in Oslo: the date must be Oslo's.
const LATE_EVENING_UTC = Date.UTC(2026, 2, 1, 23, 30);

beforeEach(useFreshDb);
afterEach(() => vi.restoreAllMocks());

async function answeredDraft(): Promise<void> {
  await startDraft(ROUND, 'nb');
  await saveAnswer('s1', 4);
  await saveAnswer('s2', null);
  await saveBackground('gender', 'declined');
  await saveBackground('ageGroup', '');
}

describe('submitDraft', () => {
  it('turns the draft into exactly one outbox record with a date-only answeredOn and deletes the draft', async () => {
    await answeredDraft();
    await saveOpenText('  Mer tid til hver bruker.  ');

    const id = await submitDraft({ now: LATE_EVENING_UTC });

    const rows = await getDb().outbox.toArray();
    expect(rows).toEqual([
      {
        id,
        roundId: 'round-1',
        unitId: 'unit-1',
        questionnaireVersion: 'v1',
        answeredOn: '2026-03-02',
        answers: { s1: 4, s2: null },
        background: { gender: 'declined' },
        openText: 'Mer tid til hver bruker.',
        queuedAt: LATE_EVENING_UTC,
      },
    ]);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await getDb().draft.get(DRAFT_KEY)).toBeUndefined();
  });

  it('sends a pasted open answer without the control characters the server refuses', async () => {
    await answeredDraft();
    await saveOpenText('Linje én\u000Blinje to\u0000\u0007 og \uD83D\uDE00 \uD800slutt');
    await submitDraft();
    const [row] = await getDb().outbox.toArray();
    expect(row?.openText).toBe('Linje én\nlinje to og \uD83D\uDE00 slutt');
    expect(isStorableText(row!.openText!)).toBe(true);
  });

  it('omits an open text that is only whitespace', async () => {
    await answeredDraft();
    await saveOpenText('   \n ');
    await submitDraft();
    const [row] = await getDb().outbox.toArray();
    expect(row).not.toHaveProperty('openText');
  });

  it('keeps the draft and queues nothing when the outbox write fails (one transaction)', async () => {
    await answeredDraft();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await expect(submitDraft()).rejects.toBeInstanceOf(StorageWriteError);

    vi.restoreAllMocks();
    expect(await pendingCount()).toBe(0);
    expect((await getDb().draft.get(DRAFT_KEY))?.answers).toEqual({ s1: 4, s2: null });
  });

  it('leaves the outbox alone when the respondent data is wiped', async () => {
    await answeredDraft();
    await submitDraft();
    await startDraft(ROUND, 'nb');
    await wipeRespondentData();
    expect(await getDb().draft.count()).toBe(0);
    expect(await pendingCount()).toBe(1);
  });

  it('lists rejected responses with their reason, and a row carrying more shows no more', async () => {
    await getDb().rejected.put({ id: 'r1', roundId: 'round-1', code: 'ROUND_NOT_OPEN', rejectedAt: 9 });
    // A row some older build or a hand in devtools left with more in it: only the summary comes out.
    await getDb().rejected.put({
      id: 'r2',
      roundId: 'round-1',
      code: 'CODE_UNKNOWN',
      rejectedAt: 10,
      answers: { s1: 5 },
    } as never);
    expect(await listRejected()).toEqual([
      { id: 'r1', roundId: 'round-1', code: 'ROUND_NOT_OPEN', rejectedAt: 9 },
      { id: 'r2', roundId: 'round-1', code: 'CODE_UNKNOWN', rejectedAt: 10 },
    ]);
  });
});
