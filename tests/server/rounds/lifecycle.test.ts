import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/server/api-error';
import {
  deviceStatus,
  isAnsweringDay,
  planTransition,
  takesNewCodesAndKiosks,
  TRANSITIONS,
} from '../../../src/server/rounds/lifecycle';
import type { RoundStatus } from '../../../src/server/db/tables/rounds';

const TODAY = '2026-03-10';
const round = (status: RoundStatus, opensOn = '2026-03-09', closesOn = '2026-03-20') => ({
  status,
  opensOn,
  closesOn,
});

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('round lifecycle', () => {
  it('allows only draft → open → closed → published', () => {
    const statuses: RoundStatus[] = ['draft', 'open', 'closed', 'published'];
    const allowed = statuses.flatMap((status) =>
      TRANSITIONS.filter((t) => {
        try {
          planTransition(round(status), t, TODAY);
          return true;
        } catch {
          return false;
        }
      }).map((t) => `${status}:${t}`),
    );
    expect(allowed).toEqual(['draft:open', 'open:close', 'closed:publish']);
  });

  it('names the state the round must be in when a transition is refused', () => {
    const error = refusal(() => planTransition(round('draft'), 'publish', TODAY));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.statusCode).toBe(409);
    expect(error.message).toBe('Only a closed round can be published; this one is draft');
  });

  it('refuses to open a round whose last day has passed', () => {
    const error = refusal(() => planTransition(round('draft', '2026-03-01', '2026-03-09'), 'open', TODAY));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/ended on 2026-03-09/);
    expect(planTransition(round('draft', '2026-03-01', TODAY), 'open', TODAY).to).toBe('open');
  });

  it('makes today the last day when a running round closes early, and leaves other dates alone', () => {
    expect(planTransition(round('open'), 'close', TODAY)).toEqual({
      from: 'open',
      to: 'closed',
      changes: { closesOn: TODAY },
    });
    // Not yet opened, or closing on its last day: nothing to shorten.
    expect(planTransition(round('open', '2026-03-11'), 'close', TODAY).changes).toEqual({});
    expect(planTransition(round('open', '2026-03-01', TODAY), 'close', TODAY).changes).toEqual({});
    expect(planTransition(round('closed'), 'publish', TODAY).changes).toEqual({ publishedOn: TODAY });
  });

  it('takes new codes and kiosks only before the round has ended', () => {
    expect(
      ['draft', 'open', 'closed', 'published'].map((s) => takesNewCodesAndKiosks(s as RoundStatus)),
    ).toEqual([true, true, false, false]);
  });

  it('lets a device start answering only in an open round on one of its days', () => {
    expect(isAnsweringDay(round('open'), TODAY)).toBe(true);
    expect(isAnsweringDay(round('open', '2026-03-09', '2026-03-10'), TODAY)).toBe(true);
    expect(isAnsweringDay(round('open', '2026-03-11'), TODAY)).toBe(false);
    expect(isAnsweringDay(round('open', '2026-03-01', '2026-03-09'), TODAY)).toBe(false);
    expect(isAnsweringDay(round('draft'), TODAY)).toBe(false);
    expect(isAnsweringDay(round('closed'), TODAY)).toBe(false);
  });

  it('shows a published round to devices as closed', () => {
    expect(deviceStatus('published')).toBe('closed');
    expect(deviceStatus('open')).toBe('open');
  });
});
