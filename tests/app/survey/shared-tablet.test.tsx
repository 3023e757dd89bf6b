// The next person at a shared tablet reaches nothing of the previous one (issue 11): a coded draft
// opens again only with its own code, the start screen closes every draft and deletes one without
// a code, a QR link's code is held in memory only, the idle timer clears a code in the field, and
// a refused answer leaves nothing readable on the device. "Reload" is a fresh render over the same
// IndexedDB; "Back" is the router's go(-1).
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAnswer, saveKiosk, saveOpenText, startDraft } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { drainOutbox } from '../../../src/app/offline/sync-pass';
import { formatCode, generateCode, webRandomBytes } from '../../../src/shared/codes';
import { IDLE_WARNING_SECONDS } from '../../../src/shared/device';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { createFakeServer } from '../offline/fakes';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

const statements = [...DEFAULT_QUESTIONNAIRE.statements].sort((a, b) => a.order - b.order);
const BEGIN = 'Start undersøkelsen';
const RESUME = 'Fortsett der du slapp';
const newCode = () => generateCode(webRandomBytes);
const idleFor = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

type View = Awaited<ReturnType<typeof renderApp>>;

async function typeCodeAndBegin(user: View['user'], code: string) {
  const field = await screen.findByLabelText('Engangskode');
  await user.clear(field);
  await user.type(field, formatCode(code));
  await user.click(screen.getByRole('button', { name: BEGIN }));
}

/** Person A begins with a code and answers the first two statements ("Svært enig"). */
async function personAAnswersTwo(code: string) {
  const view = await renderApp();
  await typeCodeAndBegin(view.user, code);
  await view.user.click(await screen.findByRole('link', { name: 'Gå til første påstand' }));
  await screen.findByText('1 av 36');
  await view.user.click(screen.getByRole('radio', { name: 'Svært enig' }));
  await screen.findByText('2 av 36');
  await view.user.click(screen.getByRole('radio', { name: 'Svært enig' }));
  await screen.findByText('3 av 36');
  return view;
}

/** A reload: everything in memory goes, IndexedDB stays. */
async function reload(options: Parameters<typeof renderApp>[0] = {}) {
  cleanup();
  return renderApp(options);
}

const expectNothingChecked = () => expect(document.querySelectorAll('input:checked')).toHaveLength(0);

async function openKiosk() {
  const round = roundFixture();
  await saveKiosk({
    credential: 'kiosk-credential',
    kiosk: {
      id: 'k1',
      label: 'Nettbrett 1',
      unit: round.round.unit,
      openKiosk: true,
      round: { ...round.round, status: 'open' },
      revokedOn: null,
    },
  });
}

describe('resuming a draft begun with a code', () => {
  beforeEach(resetOfflineDb);

  it('keeps no code on the device, only a proof of it', async () => {
    const code = newCode();
    await personAAnswersTwo(code);
    const stored = JSON.stringify(await getDb().draft.toArray());
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(formatCode(code));
    expect(stored).toContain('codeProof');
  });

  it('after a reload mid-survey shows the start screen, offers no resume, and shows nothing of A', async () => {
    await personAAnswersTwo(newCode());
    await reload({ path: '/pastand/2' });

    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    expect(screen.queryByText(/av 36/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: RESUME })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Engangskode')).toHaveValue('');
    expect(await getDb().draft.count()).toBe(1);
  });

  it('offers "Fortsett der du slapp" to the same code only, and then restores every answer', async () => {
    const code = newCode();
    await personAAnswersTwo(code);
    const { user } = await reload({ path: '/pastand/3' });
    expect(await screen.findByText(/Skriv den samme koden/)).toBeInTheDocument();

    await typeCodeAndBegin(user, code);
    expect(
      await screen.findByText('Du har allerede begynt på undersøkelsen med denne koden.'),
    ).toBeInTheDocument();
    // Focus moves to the offer (the form it was in is gone): Enter continues.
    expect(screen.getByRole('button', { name: RESUME })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('3 av 36')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tilbake' }));
    expect(await screen.findByText('2 av 36')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Svært enig' })).toBeChecked();
  });

  it('opens for the code arriving from its QR link, and "Begynn på nytt" starts afresh with it', async () => {
    const code = newCode();
    await personAAnswersTwo(code);
    const { user } = await reload({ path: `/s/${formatCode(code)}` });
    await user.click(await screen.findByRole('button', { name: BEGIN }));
    await user.click(await screen.findByRole('button', { name: 'Begynn på nytt' }));

    await user.click(await screen.findByRole('link', { name: 'Gå til første påstand' }));
    await screen.findByText('1 av 36');
    expectNothingChecked();
    const [draft] = await getDb().draft.toArray();
    expect(draft!.answers).toEqual({});
    expect(draft!.codeProof).toBeDefined();
  });

  it('is deleted without a warning once idle, when nothing of anyone is on the screen', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      await personAAnswersTwo(newCode());
      await reload({ idleTimeoutSeconds: 60 });
      await screen.findByText(/Skriv den samme koden/);
      await idleFor(59_000);
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(await getDb().draft.count()).toBe(1);
      await idleFor(2_000);
      await vi.waitFor(async () => expect(await getDb().draft.count()).toBe(0));
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(screen.queryByText(/Skriv den samme koden/)).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives another code a fresh survey and deletes the draft it could not open', async () => {
    await personAAnswersTwo(newCode());
    const { user } = await reload();

    await typeCodeAndBegin(user, newCode());
    expect(screen.queryByRole('button', { name: RESUME })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: 'Gå til første påstand' }));
    await screen.findByText('1 av 36');
    expectNothingChecked();
    await user.click(screen.getByRole('button', { name: 'Hopp over' }));
    await screen.findByText('2 av 36');
    expectNothingChecked();
    const [draft] = await getDb().draft.toArray();
    expect(draft!.answers).toEqual({});
  });

  it('closes the draft when the start screen is shown: Back to it and Forward again lead to nothing', async () => {
    const code = newCode();
    const { router } = await personAAnswersTwo(code);
    // A goes back to the start screen and walks away; B presses Forward (or opens the old address).
    await act(() => router.go('/'));
    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    await act(() => router.go(-1));

    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    expect(screen.queryByText(/av 36/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: RESUME })).not.toBeInTheDocument();
  });

  it('after the idle wipe leaves nothing behind Back, and the same code starts afresh', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const code = newCode();
      const { router, user } = await personAAnswersTwo(code);
      await idleFor(130_000);
      expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
      expect(await getDb().draft.count()).toBe(0);

      await act(() => router.go(-1));
      expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
      expect(screen.queryByText(/av 36/)).not.toBeInTheDocument();

      await typeCodeAndBegin(user, code);
      expect(await screen.findByRole('heading', { name: 'Før du begynner' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: RESUME })).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops a draft from an older version that kept the code in clear', async () => {
    await getDb().draft.put({
      ...(await startDraft(roundFixture().round, 'nb')),
      key: 'current',
      code: newCode(),
    } as never);
    await renderApp({ path: '/pastand/1' });
    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(0);
  });
});

describe('an open kiosk (no code)', () => {
  beforeEach(async () => {
    resetOfflineDb();
    await openKiosk();
  });

  it('restores a draft after a reload mid-survey within the idle window', async () => {
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(statements[0]!.id, 5);
    await renderApp({ path: '/pastand/1' });
    expect(await screen.findByText('1 av 36')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Svært enig' })).toBeChecked();
  });

  it('never offers resume on the start screen and deletes the draft there', async () => {
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(statements[0]!.id, 5);
    await renderApp();
    expect(await screen.findByText('Dette nettbrettet er satt opp for Avdeling 2.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: RESUME })).not.toBeInTheDocument();
    await vi.waitFor(async () => expect(await getDb().draft.count()).toBe(0));
  });

  it('once the start screen was shown, Back into the survey shows nothing of it', async () => {
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(statements[0]!.id, 5);
    const { router } = await renderApp({ path: '/pastand/2' });
    await screen.findByText('2 av 36');
    await act(() => router.go('/'));
    await screen.findByRole('button', { name: BEGIN });
    await act(() => router.go(-1));

    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    expect(screen.queryByText(/av 36/)).not.toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(0);
  });
});

describe('a code from a QR link', () => {
  beforeEach(resetOfflineDb);

  it('is filled in, but neither the address nor the history entry holds it', async () => {
    const code = newCode();
    const { router } = await renderApp({ path: `/s/${formatCode(code)}`, before: ['/faktorer'] });
    expect(await screen.findByLabelText('Engangskode')).toHaveValue(formatCode(code));
    expect(router.location?.pathname).toBe('/');
    expect(JSON.stringify(router.location?.state ?? null)).not.toContain(formatCode(code));

    // Back and Forward again: the entry that was /s/CODE is the start screen, empty-handed.
    await act(() => router.go(-1));
    await act(() => router.go(1));
    expect(router.location?.pathname).toBe('/');
    expect(JSON.stringify(router.location?.state ?? null)).not.toContain(formatCode(code));
  });

  it('is gone after a reload', async () => {
    const code = newCode();
    await renderApp({ path: `/s/${formatCode(code)}` });
    expect(await screen.findByLabelText('Engangskode')).toHaveValue(formatCode(code));
    await reload();
    expect(await screen.findByLabelText('Engangskode')).toHaveValue('');
  });
});

describe('the idle timer on the start screen', () => {
  beforeEach(resetOfflineDb);
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns, then clears a typed code', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { user } = await renderApp({ idleTimeoutSeconds: 60 });
    await user.type(await screen.findByLabelText('Engangskode'), 'K7M2');

    await idleFor((60 - IDLE_WARNING_SECONDS + 1) * 1000);
    expect(screen.getByRole('alertdialog')).toHaveTextContent(/blir koden fjernet fra skjermen/);
    await idleFor(IDLE_WARNING_SECONDS * 1000);

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Engangskode')).toHaveValue('');
  });

  it('clears a code filled in from a link', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const code = formatCode(newCode());
    await renderApp({ path: `/s/${code}`, idleTimeoutSeconds: 60 });
    expect(await screen.findByLabelText('Engangskode')).toHaveValue(code);

    await idleFor(61_000);
    expect(screen.getByLabelText('Engangskode')).toHaveValue('');
  });

  it('keeps a code while the person is typing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { user } = await renderApp({ idleTimeoutSeconds: 60 });
    const field = await screen.findByLabelText('Engangskode');
    await user.type(field, 'K7M');
    await idleFor(50_000);
    await user.type(field, '2QX');
    await idleFor(50_000);
    expect(field).toHaveValue('K7M2QX');
  });
});

describe('a refused answer', () => {
  beforeEach(resetOfflineDb);

  it('leaves nothing readable: not in any store, not on the thank-you screen, not behind Back', async () => {
    const code = newCode();
    await personAAnswersTwo(code);
    await saveOpenText('Sjefen min heter Per');
    for (const s of statements.slice(2)) await saveAnswer(s.id, 2);
    const { user, router } = await reload({ path: '/' });
    await typeCodeAndBegin(user, code);
    await user.click(await screen.findByRole('button', { name: RESUME }));
    await screen.findByText('1 av 36');
    await act(() => router.go('/oversikt'));
    await user.click(await screen.findByRole('button', { name: 'Send svaret' }));
    await screen.findByRole('heading', { name: 'Takk for svaret!' });

    const server = createFakeServer();
    server.rejectEvery = 'CODE_ALREADY_USED';
    await drainOutbox({ fetch: server.fetch, now: () => 5_000, requestTimeoutMs: 1_000 });
    await screen.findByRole('alert');

    const everything = JSON.stringify(
      await Promise.all([
        getDb().draft.toArray(),
        getDb().outbox.toArray(),
        getDb().rejected.toArray(),
        // The cached round is the questionnaire itself, the same for everyone.
        getDb()
          .meta.filter((row) => row.key !== 'currentRound')
          .toArray(),
      ]),
    );
    expect(everything).not.toContain('Sjefen');
    expect(everything).not.toContain(code);
    expect(everything).not.toMatch(/"answers"|"background"|"openText"/);
    const rejected = await getDb().rejected.toArray();
    expect(rejected.map((row) => Object.keys(row).sort())).toEqual([['code', 'id', 'rejectedAt', 'roundId']]);
    expect(document.body.textContent).not.toContain('Sjefen');

    await act(() => router.go(-1));
    expect(document.body.textContent).not.toContain('Sjefen');
    await act(() => router.go(1));
    await user.click(await screen.findByRole('button', { name: 'Ferdig' }));
    await screen.findByRole('button', { name: BEGIN });
    await act(() => router.go(-1));
    expect(await screen.findByRole('button', { name: BEGIN })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('Sjefen');
    expectNothingChecked();
  });
});
