// The respondent's first load carries bokmål only: nynorsk and English come from their own chunks
// when the person switches, from the service worker's cache once the app has been online, so the
// switch works without a network; a remembered pick is there before the first screen, offline too.
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type BrowserPage } from './support/browser';
import { startTestServer, type TestServer } from './support/server';
import { SurveyPage } from './pages/SurveyPage';

let server: TestServer;
let opened: BrowserPage | undefined;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  opened = await openPage({ viewport: { width: 360, height: 740 } });
  page = opened.page;
});

afterAll(async () => {
  await opened?.close();
  await server?.dispose();
});

interface Script {
  url: string;
  body: string;
  fromServiceWorker: boolean;
}

/** Every script the page fetches from now on, with its body (awaited by the returned function). */
function recordScripts(): () => Promise<Script[]> {
  const reads: Promise<Script | undefined>[] = [];
  const onResponse = (response: Response) => {
    if (!response.url().endsWith('.js')) return;
    reads.push(
      response.text().then(
        (body) => ({ url: response.url(), body, fromServiceWorker: response.fromServiceWorker() }),
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    return (await Promise.all(reads)).filter((script) => script !== undefined);
  };
}

// Texts only the nynorsk and the English start screen have.
const NN_BEGIN = 'Start undersøkinga';
const EN_BEGIN = 'Start the survey';
const holds = (scripts: Script[], text: string) => scripts.filter((script) => script.body.includes(text));

describe('the start screen’s languages', () => {
  it('loads bokmål only at first, and nynorsk and English on the switch, offline after one visit', async () => {
    const survey = new SurveyPage(page);
    const firstVisit = recordScripts();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();
    await page.getByText(/svar venter på å bli sendt|Ingen svar er sendt herfra/).waitFor();
    const first = await firstVisit();
    expect(holds(first, 'Start undersøkelsen').length, 'bokmål is in the first load').toBeGreaterThan(0);
    expect(holds(first, NN_BEGIN).map((s) => s.url)).toEqual([]);
    expect(holds(first, EN_BEGIN).map((s) => s.url)).toEqual([]);

    await survey.waitForOfflineReady();
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();

    const switching = recordScripts();
    await survey.chooseLanguage('Nynorsk');
    await page.getByRole('button', { name: NN_BEGIN }).waitFor();
    await survey.chooseLanguage('English');
    await page.getByRole('button', { name: EN_BEGIN }).waitFor();
    const switched = await switching();
    const nynorsk = holds(switched, NN_BEGIN);
    expect(nynorsk.length, 'the nynorsk texts came on the switch').toBeGreaterThan(0);
    expect(nynorsk.every((s) => s.fromServiceWorker)).toBe(true);
    const english = holds(switched, EN_BEGIN);
    expect(english.length, 'the English texts came on the switch').toBeGreaterThan(0);
    expect(english.every((s) => s.fromServiceWorker)).toBe(true);
    // The sending line's texts follow the switch as well.
    await page.getByText(/No answers have been sent from here yet|waiting to be sent/).waitFor();

    // Still offline: the remembered pick (English) is there on the first screen after a reload.
    await page.reload();
    await page.getByRole('button', { name: EN_BEGIN }).waitFor();
    expect(
      await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.context().setOffline(false);
  });
});
