import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDraft, pendingCount, saveAnswer, startDraft } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { DEFAULT_IDLE_TIMEOUT_SECONDS, IDLE_WARNING_SECONDS } from '../../../src/shared/device';
import { formatCode, generateCode, webRandomBytes } from '../../../src/shared/codes';
import { roundFixture } from '../support/fixtures';
import { renderApp } from '../support/render';
import { resetOfflineDb } from '../support/offline';

const statements = [...DEFAULT_QUESTIONNAIRE.statements].sort((a, b) => a.order - b.order);
/** With the built-in timeout (the fixture's round sends none), the warning comes here. */
const WARNING_AT_MS = (DEFAULT_IDLE_TIMEOUT_SECONDS - IDLE_WARNING_SECONDS) * 1000;

/** Lets fake time pass with nobody touching the screen. */
const idleFor = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

async function beginSurvey(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.type(await screen.findByLabelText('Engangskode'), formatCode(generateCode(webRandomBytes)));
  await user.click(await screen.findByRole('button', { name: 'Start undersøkelsen' }));
  await user.click(await screen.findByRole('link', { name: 'Gå til første påstand' }));
}

describe('the respondent flow', () => {
  beforeEach(resetOfflineDb);
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves each tap on the device and moves to the next statement with progress', async () => {
    const { user } = await renderApp();
    await beginSurvey(user);
    expect(await screen.findByRole('heading', { name: statements[0]!.text.nb })).toBeInTheDocument();
    expect(screen.getByText('1 av 36')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Delvis enig' }));

    expect(await screen.findByText('2 av 36')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: statements[1]!.text.nb })).toBeInTheDocument();
    const draft = await loadDraft({ maxAgeMs: 60_000 });
    expect(draft?.answers[statements[0]!.id]).toBe(4);
  });

  it('keyboard selection saves without skipping ahead; Neste moves on', async () => {
    const { user } = await renderApp();
    await beginSurvey(user);
    await screen.findByText('1 av 36');
    const group = screen.getByRole('group');
    within(group).getAllByRole('radio')[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');

    await waitFor(async () =>
      expect((await loadDraft({ maxAgeMs: 60_000 }))?.answers[statements[0]!.id]).toBe(3),
    );
    expect(screen.getByText('1 av 36')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Neste' }));
    expect(await screen.findByText('2 av 36')).toBeInTheDocument();
  });

  it('keeps every answer when the language is switched mid-survey', async () => {
    const { user } = await renderApp();
    await beginSurvey(user);
    await user.click(await screen.findByRole('radio', { name: 'Svært enig' }));
    // Wait for the second statement: until the screen has moved on, the first statement's radios
    // are still there, and a click on them would change the first answer instead.
    await screen.findByText('2 av 36');
    await user.click(screen.getByRole('radio', { name: 'Svært uenig' }));
    await screen.findByText('3 av 36');

    await user.click(screen.getByRole('button', { name: 'Nynorsk' }));

    expect(await screen.findByRole('heading', { name: statements[2]!.text.nn })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Svært samd' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tilbake' }));
    await user.click(await screen.findByRole('button', { name: 'Tilbake' }));
    await screen.findByText('1 av 36');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Svært samd' })).toBeChecked();
    const draft = await loadDraft({ maxAgeMs: 60_000 });
    expect(draft?.language).toBe('nn');
    expect(draft?.answers).toEqual({ [statements[0]!.id]: 5, [statements[1]!.id]: 1 });
  });

  it('lists the unanswered statements on the review and links to each', async () => {
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(statements[0]!.id, 4);
    await saveAnswer(statements[1]!.id, null);
    await saveAnswer(statements[2]!.id, 2);
    const { user } = await renderApp({ path: '/oversikt' });

    expect(await screen.findByText('Du har svart på 2 av 36 påstander.')).toBeInTheDocument();
    const list = within(screen.getByRole('region', { name: 'Påstander uten svar' })).getByRole('list');
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(34);
    expect(links[0]!.textContent).toBe(`Svar på påstand 2: ${statements[1]!.text.nb}`);

    await user.click(within(list).getByRole('link', { name: new RegExp(`^Svar på påstand 5:`) }));
    expect(await screen.findByText('5 av 36')).toBeInTheDocument();
  });

  it('sends a finished survey to the outbox, says it waits on the device, and Ferdig wipes it', async () => {
    await startDraft(roundFixture().round, 'nb');
    for (const s of statements.slice(0, 35)) await saveAnswer(s.id, 3);
    const { user, requestSync } = await renderApp({ path: '/pastand/36' });
    await user.click(await screen.findByRole('radio', { name: 'Svært enig' }));

    expect(await screen.findByRole('heading', { name: 'Litt om deg' })).toBeInTheDocument();
    const ageGroup = screen.getByRole('group', { name: DEFAULT_QUESTIONNAIRE.background[1]!.label.nb });
    await user.click(within(ageGroup).getByRole('radio', { name: 'Ønsker ikke å svare' }));
    await user.click(screen.getByRole('button', { name: 'Neste' }));

    const field = await screen.findByRole('textbox');
    await user.type(field, 'Mer tid til opplæring');
    await user.click(screen.getByRole('button', { name: 'Neste' }));

    expect(await screen.findByText('Du har svart på alle påstandene.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send svaret' }));

    expect(
      await screen.findByText(/lagret her på nettbrettet eller telefonen og sendes automatisk/),
    ).toBeInTheDocument();
    expect(requestSync).toHaveBeenCalledTimes(1);
    const [record] = await getDb().outbox.toArray();
    expect(await pendingCount()).toBe(1);
    expect(record!.answers[statements[35]!.id]).toBe(5);
    expect(record!.answers[statements[0]!.id]).toBe(3);
    expect(record!.background).toEqual({ ageGroup: 'declined' });
    expect(record!.openText).toBe('Mer tid til opplæring');
    expect(record!.answeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await getDb().draft.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Ferdig' }));
    expect(await screen.findByRole('button', { name: 'Start undersøkelsen' })).toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(0);
    expect(await pendingCount()).toBe(1);
  });

  it('offers a fresh draft for restore but discards one older than the idle timeout', async () => {
    await startDraft(roundFixture().round, 'nn', { now: Date.now() - 5 * 60_000 });
    await renderApp({ idleTimeoutSeconds: 120 });
    expect(await screen.findByRole('button', { name: 'Start undersøkelsen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Fortsett der du slapp' })).not.toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(0);
  });

  it('warns an idle respondent, then wipes the draft and returns to the start screen', async () => {
    // Only the interval and the clock are fake: IndexedDB and findBy* keep their real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(statements[0]!.id, 5);
    await renderApp({ path: '/pastand/2' });
    await screen.findByText('2 av 36');

    await idleFor(WARNING_AT_MS - 1_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await idleFor(2_000);
    expect(screen.getByRole('alertdialog')).toHaveAccessibleName('Er du fortsatt der?');
    expect(screen.getByRole('button', { name: 'Ja, jeg vil fortsette' })).toHaveFocus();
    expect(await getDb().draft.count()).toBe(1);

    await idleFor(IDLE_WARNING_SECONDS * 1000);
    expect(await screen.findByRole('button', { name: 'Start undersøkelsen' })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(0);
  });

  it('keeps the draft when the respondent answers the idle warning', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await startDraft(roundFixture().round, 'nb');
    await saveAnswer(statements[0]!.id, 5);
    const { user } = await renderApp({ path: '/pastand/2' });
    await screen.findByText('2 av 36');
    screen.getByRole('radio', { name: 'Svært enig' }).focus();
    await idleFor(WARNING_AT_MS + 1_000);

    await user.click(screen.getByRole('button', { name: 'Ja, jeg vil fortsette' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // Focus goes back to where it was before the warning, not to the page body.
    expect(screen.getByRole('radio', { name: 'Svært enig' })).toHaveFocus();

    // A full warning period later the timer has started over: still no wipe, not even a warning.
    await idleFor(IDLE_WARNING_SECONDS * 1000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText('2 av 36')).toBeInTheDocument();
    expect(await getDb().draft.count()).toBe(1);
  });

  it('shows nothing of a wiped draft when an old survey address is opened', async () => {
    await renderApp({ path: '/oversikt' });
    expect(await screen.findByRole('button', { name: 'Start undersøkelsen' })).toBeInTheDocument();
    expect(screen.queryByText(/Du har svart/)).not.toBeInTheDocument();
  });
});
