// Reports in a real browser against the real server. HR runs a round for "Helse og omsorg" through
// the API: codes for three units, answers sent with them the way devices send them (6 answers of
// all 4s in Avdeling 1, 4 of all 5s in Avdeling 2, 5 of all 3s in Heimly), then close and publish.
// The demo leader of Solbakken sykehjem signs in and reads the report: Solbakken's figures
// (6×4 + 4×5) / 10 = 4,4 on every factor, the municipality's (6×4 + 4×5 + 5×3) / 15 = 3,9, the factor
// sections and the print view; Avdeling 2 (4 answers) shows "too few answers", and Avdeling 1 is
// hidden too, or Solbakken minus Avdeling 1 would give Avdeling 2 away. axe on every screen, on a
// 1280×800 tablet and a 360 px phone.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { DEMO_REPORT_IDS } from '../../src/server/demo/seed-demo-reports';
import type { AdminRound } from '../../src/shared/api/organisation';
import { osloDate } from '../../src/shared/dates';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import {
  checkBoth,
  expectNoAxeViolations,
  pdfPageCount,
  printPageBoxes,
  SCREENSHOTS,
  TABLET,
} from './support/checks';
import { launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';
import { demoAdminApi } from './support/staff-api';

const ROUND_NAME = 'Rapportprøve 2026';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let round: AdminRound;

/** Runs a round to published with `answers` per unit, each answer the same value on every statement. */
async function runRound(answers: readonly { unitId: string; count: number; value: number }[]) {
  const api = await demoAdminApi(server.app);
  const created = await api<AdminRound>(
    'POST',
    '/rounds',
    { name: ROUND_NAME, unitId: DEMO_IDS.sector, openQuestionEnabled: true, openAnswerThreshold: 5 },
    201,
  );
  await api('POST', `/rounds/${created.id}/open`);
  const today = osloDate(new Date());
  const responses = [];
  for (const { unitId, count, value } of answers) {
    const { codes } = await api<{ codes: string[] }>(
      'POST',
      `/rounds/${created.id}/units/${unitId}/codes`,
      { count },
      201,
    );
    for (const code of codes) {
      responses.push({
        id: randomUUID(),
        roundId: created.id,
        unitId,
        questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
        answeredOn: today,
        answers: Object.fromEntries(DEFAULT_QUESTIONNAIRE.statements.map((s) => [s.id, value])),
        background: { gender: 'woman' },
        openText: `Svar fra ${unitId}`,
        code,
      });
    }
  }
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/responses',
    payload: { formatVersion: 1, responses },
  });
  expect(res.statusCode).toBe(200);
  await api('POST', `/rounds/${created.id}/close`);
  return api<AdminRound>('POST', `/rounds/${created.id}/publish`);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  round = await runRound([
    { unitId: DEMO_REPORT_IDS.avdeling1, count: 6, value: 4 },
    { unitId: DEMO_IDS.department, count: 4, value: 5 },
    { unitId: DEMO_REPORT_IDS.heimly, count: 5, value: 3 },
  ]);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: TABLET, locale: 'nb-NO', acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

const roundCard = () => page.getByRole('listitem', { name: ROUND_NAME });
const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** The overview row of a factor: its cells' texts. */
async function overviewRow(factor: string): Promise<string[]> {
  const table = page.getByRole('table', { name: /Snitt per faktor/ });
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: factor, exact: true }) });
  return row.getByRole('cell').allTextContents();
}

async function openFromList(linkName: string, heading: string | RegExp) {
  await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
  await h1('Rapporter').waitFor();
  await roundCard().getByRole('link', { name: linkName, exact: true }).click();
  await h1(heading).waitFor();
}

/** Presses Tab until the focused element's text is `name` (at most 60 times). */
async function tabTo(name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('the demo leader reads the report of a published round', () => {
  it('signs in and finds the round among the reports', async () => {
    expect(round.status).toBe('published');
    await page.goto(`${server.url}/admin/logg-inn`);
    await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.leader);
    await page.getByLabel('Passord').fill(DEMO_LOGINS.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Rapporter' })
      .click();
    await h1('Rapporter').waitFor();
    // The leader of Solbakken sees the municipality overview and Solbakken with its two departments.
    const links = await roundCard().getByRole('link').allTextContents();
    expect(links).toEqual([
      'Hele kommunen: Helse og omsorg',
      'Solbakken sykehjem',
      'Avdeling 1',
      'Avdeling 2',
      'Se alle enhetene i et varmekart',
    ]);
    await checkBoth(page, 'report-list', { noSideScroll: true });
  });

  it('opens Solbakken with the keyboard and reads the overview: 4,4 for the unit, 3,9 for the municipality', async () => {
    // Keyboard only: Tab from the heading to the unit's link, then Enter.
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).focus();
    await tabTo('Solbakken sykehjem');
    await page.keyboard.press('Enter');
    await h1('Resultater for Solbakken sykehjem').waitFor();
    // Invited: 6 codes for Avdeling 1, and Avdeling 2's 12 employees (its tablet takes answers
    // without codes, so everyone there is invited).
    await expect.poll(() => page.getByText('10 av 18 har svart').count()).toBe(1);
    await expect.poll(() => page.getByText('55,6 %').count()).toBeGreaterThan(0);
    const cells = await overviewRow('Indre motivasjon');
    // Unit, municipality, national, change. This server has one municipality, so there is no
    // national release (it takes 5), and nothing is imported for this year: the unit's own 4,4
    // must never stand in for the national figure, and the cell says there is none.
    expect(cells.slice(0, 2)).toEqual(['4,4', '3,9']);
    expect(cells[2]).toMatch(/ingen nasjonale tall/);
    expect(cells[3]).toMatch(/^[+−]\d,\d$|^0,0$/);
    expect(await overviewRow('Mestringstro')).toEqual(expect.arrayContaining(['4,4', '3,9']));
    // One section per factor, each with its averages and its answer distribution.
    for (const factor of ['Indre motivasjon', 'Mestringsklima', 'Prososial motivasjon']) {
      await page.getByRole('heading', { level: 2, name: factor, exact: true }).waitFor();
    }
    const distribution = page.getByRole('table', { name: 'Slik fordeler svarene seg for Indre motivasjon' });
    // 6 answered 4 and 4 answered 5 on every statement: 60 % "enig", 40 % "svært enig".
    expect((await distribution.textContent()) ?? '').toMatch(/60,0\s?%/);
    expect((await distribution.textContent()) ?? '').toMatch(/40,0\s?%/);
    // The leader of the unit reads the open answers (in random order) at the round's open-answer
    // threshold of 5: Avdeling 1's 6, never Avdeling 2's 4, which are too few on their own.
    const open = page.getByRole('region', { name: 'Åpne svar' });
    expect(await open.getByRole('listitem').allTextContents()).toEqual(
      Array.from({ length: 6 }, () => `Svar fra ${DEMO_REPORT_IDS.avdeling1}`),
    );

    // The overview as CSV, by keyboard: figures with decimal commas, never the open answers.
    await h1('Resultater for Solbakken sykehjem').focus();
    const download = page.waitForEvent('download');
    await tabTo('Last ned tabell (CSV)');
    await page.keyboard.press('Enter');
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toMatch(/^Indre motivasjon;4,4;3,9;;/m);
    expect(csv).not.toContain('Svar fra');
    await checkBoth(page, 'report-unit', { noSideScroll: true });
  });

  it('prints the report: a cover, the overview and two factors to an A4 page, headed and numbered', async () => {
    await page.getByRole('link', { name: 'Skriv ut / lagre som PDF' }).click();
    await h1(/Solbakken sykehjem/).waitFor();
    await expectNoAxeViolations(page, 'print view');
    expect(await page.getByText('Svar fra').count(), 'no open answers on paper').toBe(0);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(SCREENSHOTS, 'report-print.pdf'), pdf);
    // A cover, the overview, then the ten factors two to a page.
    expect(pdfPageCount(pdf)).toBe(7);
    const boxes = await printPageBoxes(page);
    expect(boxes).toContain(`content: "Solbakken sykehjem · ${ROUND_NAME}"`);
    expect(boxes).toMatch(/content: "side " counter\(page\) " av " counter\(pages\)/);
    expect(boxes).toMatch(/@page report:first \{[^}]*content: none/);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-print-1280.png'), fullPage: true });
  });

  it('shows "too few answers" for Avdeling 2 (4 answers) and hides Avdeling 1, which would give it away', async () => {
    await openFromList('Avdeling 2', 'Resultater for Avdeling 2');
    await page.getByRole('heading', { name: 'For få svar til å vise resultater' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText(/\d,\d/).count(), 'no figure at all').toBe(0);
    await checkBoth(page, 'report-too-few', { noSideScroll: true });

    await openFromList('Avdeling 1', 'Resultater for Avdeling 1');
    await page
      .getByRole('heading', { name: 'Resultatene er skjult for å beskytte en mindre gruppe' })
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('compares the units in a heat map, with the hidden ones marked', async () => {
    await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
    await roundCard().getByRole('link', { name: 'Se alle enhetene i et varmekart' }).click();
    await h1(`Varmekart: ${ROUND_NAME}`).waitFor();
    const table = page.getByRole('table');
    const rowOf = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
    expect(
      (await rowOf('Solbakken sykehjem').getByRole('cell').allTextContents()).every((c) => c === '4,4'),
    ).toBe(true);
    expect(await rowOf('Avdeling 2').getByRole('cell').allTextContents()).not.toContain('4,4');
    await checkBoth(page, 'report-heatmap', { noSideScroll: true });
  });

  it('reads the municipality overview with the background breakdown', async () => {
    await openFromList('Hele kommunen: Helse og omsorg', 'Resultater for Helse og omsorg');
    await page.getByRole('heading', { level: 2, name: 'Fordelt på bakgrunn' }).waitFor();
    await expect.poll(() => page.getByText('15 av 23 har svart').count()).toBe(1);
    await checkBoth(page, 'report-municipality', { noSideScroll: true });
  });
});
