// The survey session belongs to the respondent's routes only: a staff page on the same device
// must not ask for the current round, read the draft a respondent left, or run the idle wipe.
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../../src/shared/device';
import { createI18n } from '../../../src/app/i18n/i18n';
import * as drafts from '../../../src/app/offline/drafts';
import { saveAnswer, startDraft } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { Root } from '../../../src/app/Root';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';

vi.mock('virtual:pwa-register', () => ({ registerSW: () => () => Promise.resolve() }));
// A spy around the real loadDraft, so a test can tell whether anything read the draft.
vi.mock('../../../src/app/offline/drafts', { spy: true });

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

async function renderAt(path: string) {
  const json = (status: number, body: unknown) =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  const respond = (input: RequestInfo | URL) =>
    urlOf(input).endsWith('/rounds/current')
      ? json(200, roundFixture())
      : json(401, { error: { code: 'UNAUTHENTICATED', message: 'sign in' } });
  // The staff app calls the global fetch; the respondent side the one Root hands it.
  const globalFetch = vi.fn(respond);
  const fetchImpl = vi.fn(respond);
  vi.stubGlobal('fetch', globalFetch);
  const i18n = await createI18n('nb');
  render(
    <Root
      i18n={i18n}
      sync={{ requestSync: vi.fn() }}
      fetchImpl={fetchImpl as unknown as typeof fetch}
      router={(children) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>}
    />,
  );
  const roundRequests = () =>
    [...globalFetch.mock.calls, ...fetchImpl.mock.calls].filter(([input]) =>
      urlOf(input).endsWith('/api/v1/rounds/current'),
    ).length;
  return { roundRequests };
}

describe('the survey session on staff pages', () => {
  beforeEach(async () => {
    resetOfflineDb();
    vi.mocked(drafts.loadDraft).mockClear();
    // A respondent left a fresh, half-done draft on the tablet.
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(roundFixture().questionnaire.statements[0]!.id, 4);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each([
    ['/admin', 'Logg inn'],
    ['/oppsett/setup-token', /.+/],
  ])('%s asks for no current round, reads no draft and runs no idle wipe', async (path, heading) => {
    // Only the interval and the clock are fake: IndexedDB and the lazy staff chunk run as usual.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { roundRequests } = await renderAt(path);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync((DEFAULT_IDLE_TIMEOUT_SECONDS + 10) * 1000));

    expect(roundRequests()).toBe(0);
    expect(drafts.loadDraft).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(1);
  });

  it('still runs on the respondent’s routes: the round is fetched and the draft restored', async () => {
    // A reload mid-survey (the start screen would close the draft: tests/app/survey/shared-tablet).
    const { roundRequests } = await renderAt('/pastand/2');

    expect(await screen.findByText('2 av 36')).toBeInTheDocument();
    expect(roundRequests()).toBe(1);
    expect(drafts.loadDraft).toHaveBeenCalled();
  });
});
