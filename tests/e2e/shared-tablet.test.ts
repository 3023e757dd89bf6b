// The next person at a shared tablet reaches nothing of the previous one (issue 11), in Debian's
// Chromium against the real server with a 30-second idle timeout: person A answers part of a
// coded survey from a QR link and walks away; person B, in the idle window and after it, tries
// reload, Back through the whole history, the start screen, resume and another code, and finds
// none of A's answers nor A's code. A typed code leaves the screen after the idle timeout. The new
// screen states pass axe, are reached by keyboard with a visible focus ring, and are photographed
// at 1280 and 360 px in bokmål and nynorsk (test-results/shared-tablet-*).
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode } from '../../src/shared/codes';
import { openPage, type BrowserPage } from './support/browser';
import { checkBoth, TABLET } from './support/checks';
import { tabThrough, weakStops } from './support/focus';
import { startTestServer, type TestServer } from './support/server';
import { issueDemoCodes } from './support/staff-api';
import { SurveyPage } from './pages/SurveyPage';

const IDLE_SECONDS = 30;
const BEGIN = 'Start undersøkelsen';
const RESUME = 'Fortsett der du slapp';

let server: TestServer;
let idleBefore: string | undefined;

beforeAll(async () => {
  idleBefore = process.env.IDLE_TIMEOUT_SECONDS;
  // The shortest the server allows: the warning comes after 15 s, the wipe after 30 s.
  process.env.IDLE_TIMEOUT_SECONDS = String(IDLE_SECONDS);
  server = await startTestServer();
});

afterAll(async () => {
  await server?.dispose();
  if (idleBefore === undefined) delete process.env.IDLE_TIMEOUT_SECONDS;
  else process.env.IDLE_TIMEOUT_SECONDS = idleBefore;
});

/** Everything the tablet's IndexedDB holds in the draft and outbox stores, as text. */
function deviceDrafts(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('tifaktor');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(['draft', 'outbox']);
          const draft = read.objectStore('draft').getAll();
          const outbox = read.objectStore('outbox').getAll();
          read.oncomplete = () => {
            resolve(JSON.stringify({ draft: draft.result, outbox: outbox.result }));
            db.close();
          };
          read.onerror = () => reject(new Error(String(read.error)));
        };
      }),
  );
}

async function codeField(page: Page) {
  const field = page.getByLabel('Engangskode');
  await field.waitFor();
  return field;
}

/** The current history entry's state, as text. */
function historyState(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(history.state as unknown));
}

/** What B may not see of A: no chosen answer, no statement of A's, no code, no resume. */
async function expectNothingOfA(page: Page, code: string) {
  await page.getByRole('button', { name: BEGIN }).waitFor();
  expect(await page.locator('input:checked').count()).toBe(0);
  expect(await page.getByText(/\d+ av 36/).count()).toBe(0);
  expect(await page.getByRole('button', { name: RESUME }).count()).toBe(0);
  expect(await (await codeField(page)).inputValue()).toBe('');
  expect(page.url()).not.toContain(code);
  expect(await historyState(page)).not.toContain(code);
}

/** Where in the tab's history the page is (the Navigation API; Chromium has it). */
function historyIndex(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { navigation: { currentEntry: { index: number } } }).navigation.currentEntry
        .index,
  );
}

/**
 * Back through every history entry there is, checking each one; returns how many steps it went.
 * The app's own entries are same-document, so page.goBack (which waits for a response) cannot
 * tell them; the index can.
 */
async function backThroughHistory(page: Page, code: string): Promise<number> {
  let steps = 0;
  for (let index = await historyIndex(page); index > 0 && steps < 12; steps++) {
    const length = await page.evaluate(() => history.length);
    await page.evaluate(() => history.back());
    await page.waitForFunction(
      (before) =>
        (window as unknown as { navigation: { currentEntry: { index: number } } }).navigation.currentEntry
          .index < before,
      index,
    );
    index = await historyIndex(page);
    await expectNothingOfA(page, code);
    expect(await page.evaluate(() => history.length)).toBe(length);
  }
  return steps;
}

/** A opens the QR link, begins, answers three statements and walks away at the fourth. */
async function personA(page: Page, code: string) {
  await page.goto(`${server.url}/s/${formatCode(code)}`);
  expect(await (await codeField(page)).inputValue()).toBe(formatCode(code));
  // Replaced at once: neither the address nor the entry's state holds the code.
  expect(page.url()).toBe(`${server.url}/`);
  expect(await historyState(page)).not.toContain(code);
  const urls: string[] = [];
  const record = (frame: Frame) => frame === page.mainFrame() && urls.push(frame.url());
  page.on('framenavigated', record);
  const survey = new SurveyPage(page);
  await survey.start(BEGIN, 'Gå til første påstand');
  for (const [i, label] of ['Delvis enig', 'Svært enig', 'Delvis uenig'].entries()) {
    await survey.progress(i + 1, 36, 'av').waitFor();
    await survey.answer(label);
  }
  await survey.progress(4, 36, 'av').waitFor();
  // Every address since was free of the code.
  page.off('framenavigated', record);
  expect(urls.length).toBeGreaterThan(3);
  expect(urls.filter((url) => url.includes(code))).toEqual([]);
  expect(await deviceDrafts(page)).not.toContain(code);
}

describe('the next person at a shared tablet', () => {
  let opened: BrowserPage;
  let page: Page;

  beforeAll(async () => {
    opened = await openPage({ viewport: TABLET });
    page = opened.page;
  });
  afterAll(() => opened?.close());

  it('within the idle window finds nothing of A through reload, Back, the start screen or another code', async () => {
    const [codeA, codeB] = await issueDemoCodes(server.app, 2);
    await personA(page, codeA!);

    // B reloads the screen A left: the start screen, empty, offering no resume.
    await page.reload();
    await expectNothingOfA(page, codeA!);
    await page.getByText('Har du begynt før?', { exact: false }).waitFor();
    await checkBoth(page, 'shared-tablet-locked-nb', { noSideScroll: true });
    await new SurveyPage(page).chooseLanguage('Nynorsk');
    await page.getByText('Har du byrja før?', { exact: false }).waitFor();
    await checkBoth(page, 'shared-tablet-locked-nn', { noSideScroll: true });
    await new SurveyPage(page).chooseLanguage('Bokmål');

    // Back through the whole history (start, intro, three statements), the QR link's entry included.
    expect(await backThroughHistory(page, codeA!)).toBeGreaterThanOrEqual(5);
    await page.goto(`${server.url}/pastand/2`);
    await expectNothingOfA(page, codeA!);
    await page.goto(`${server.url}/oversikt`);
    await expectNothingOfA(page, codeA!);

    // Another code: a fresh survey with nothing chosen, and A's draft is gone from the device.
    await (await codeField(page)).fill(codeB!);
    await page.getByRole('button', { name: BEGIN }).click();
    await page.getByRole('link', { name: 'Gå til første påstand' }).click();
    for (let n = 1; n <= 3; n++) {
      await new SurveyPage(page).progress(n, 36, 'av').waitFor();
      expect(await page.locator('input:checked').count()).toBe(0);
      await page.getByRole('button', { name: 'Hopp over' }).click();
    }
    expect(await deviceDrafts(page)).not.toMatch(/"answers":\{"[^}]/);
  });

  it('A, back with the same code, is offered to continue, by keyboard, with every answer kept', async () => {
    const [code] = await issueDemoCodes(server.app, 1);
    await personA(page, code!);
    await page.reload();
    await page.getByRole('button', { name: BEGIN }).waitFor();

    await (await codeField(page)).fill(code!);
    await page.keyboard.press('Enter');
    await page.getByText('Du har allerede begynt på undersøkelsen med denne koden.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(RESUME);
    const stops = await tabThrough(page);
    expect(stops.map((s) => s.what).join(', ')).toContain(RESUME);
    expect(weakStops(stops)).toEqual([]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await checkBoth(page, 'shared-tablet-resume-nb', { noSideScroll: true });
    await new SurveyPage(page).chooseLanguage('Nynorsk');
    await page.getByText('Du har alt byrja på undersøkinga med denne koden.').waitFor();
    await checkBoth(page, 'shared-tablet-resume-nn', { noSideScroll: true });

    await page.getByRole('button', { name: 'Hald fram der du slapp' }).focus();
    await page.keyboard.press('Enter');
    await new SurveyPage(page).progress(4, 36, 'av').waitFor();
    await page.getByRole('button', { name: 'Tilbake' }).click();
    await new SurveyPage(page).progress(3, 36, 'av').waitFor();
    expect(await page.getByRole('radio', { name: 'Delvis usamd', exact: true }).isChecked()).toBe(true);
    await new SurveyPage(page).chooseLanguage('Bokmål');
  });

  it('after the idle timeout finds nothing of A, not even with A’s own code', async () => {
    const [code] = await issueDemoCodes(server.app, 1);
    await personA(page, code!);

    // Nobody touches the tablet: the warning, then the start screen for the next person.
    await page.getByRole('alertdialog').waitFor({ timeout: IDLE_SECONDS * 1000 });
    await page.getByRole('alertdialog').waitFor({ state: 'detached', timeout: IDLE_SECONDS * 1000 });
    await expectNothingOfA(page, code!);
    expect(await deviceDrafts(page)).toBe('{"draft":[],"outbox":[]}');

    expect(await backThroughHistory(page, code!)).toBeGreaterThanOrEqual(3);
    await page.reload();
    await expectNothingOfA(page, code!);

    // Even A's code opens nothing any more: it begins afresh.
    await (await codeField(page)).fill(code!);
    await page.getByRole('button', { name: BEGIN }).click();
    await page.getByRole('heading', { name: 'Før du begynner' }).waitFor();
    expect(await page.getByRole('button', { name: RESUME }).count()).toBe(0);
    await page.getByRole('link', { name: 'Gå til første påstand' }).click();
    await new SurveyPage(page).progress(1, 36, 'av').waitFor();
    expect(await page.locator('input:checked').count()).toBe(0);
  });
});

describe('a code on the start screen', () => {
  it('is cleared by the idle timer after a warning, typed or from a link', async () => {
    const opened = await openPage({ viewport: TABLET });
    const { page } = opened;
    try {
      await page.goto(server.url);
      await (await codeField(page)).fill('K7M-2QX');
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor({ timeout: IDLE_SECONDS * 1000 });
      await page.getByText(/blir koden fjernet fra skjermen/).waitFor();
      await checkBoth(page, 'shared-tablet-idle-code-nb');
      await dialog.waitFor({ state: 'detached', timeout: IDLE_SECONDS * 1000 });
      expect(await (await codeField(page)).inputValue()).toBe('');

      const [code] = await issueDemoCodes(server.app, 1);
      await page.goto(`${server.url}/s/${formatCode(code!)}`);
      await new SurveyPage(page).chooseLanguage('Nynorsk');
      const field = page.getByLabel('Eingongskode');
      expect(await field.inputValue()).toBe(formatCode(code!));
      await page.getByText(/blir koden fjerna frå skjermen/).waitFor({ timeout: IDLE_SECONDS * 1000 });
      await checkBoth(page, 'shared-tablet-idle-code-nn');
      await dialog.waitFor({ state: 'detached', timeout: IDLE_SECONDS * 1000 });
      // The wipe also forgets the person's language: the next one starts in the round's (bokmål).
      expect(await page.getByLabel('Engangskode').inputValue()).toBe('');

      // Nor does Back or a reload bring it back.
      await page.goBack({ waitUntil: 'commit' }).catch(() => null);
      expect(await page.getByLabel(/Eingongskode|Engangskode/).inputValue()).toBe('');
      await page.reload();
      expect(await page.getByLabel(/Eingongskode|Engangskode/).inputValue()).toBe('');
      expect(page.url()).not.toContain(code!);
    } finally {
      await opened.close();
    }
  });
});
