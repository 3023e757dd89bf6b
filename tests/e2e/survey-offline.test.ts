// The whole promise of the product in a real browser: answer offline in nynorsk on a phone, and
// the answer reaches the server exactly once when the network returns, with nothing of it left
// for the next person; every screen passes axe.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default-v1';
import { DEMO_IDS } from '../../src/server/demo/seed-demo';
import { expectNoAxeViolations, SCREENSHOTS } from './support/checks';
import { launchBrowser, newPhonePage } from './support/browser';
import { startTestServer, type TestServer } from './support/server';
import { issueDemoCodes } from './support/staff-api';
import { SurveyPage } from './pages/SurveyPage';

const NN_SCALE = ['Svært usamd', 'Delvis usamd', 'Verken samd eller usamd', 'Delvis samd', 'Svært samd'];
const statements = [...DEFAULT_QUESTIONNAIRE.statements].sort((a, b) => a.order - b.order);
/** A fixed, varied answer pattern: statement i gets (i * 3) % 5 + 1. */
const expectedValue = (i: number) => ((i * 3) % 5) + 1;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function storedResponses() {
  const rows = await server.app.inject({ method: 'GET', url: '/api/v1/health' });
  expect(rows.statusCode).toBe(200);
  const { openSqlite } = await import('../../src/server/db/database');
  const { releaseRound } = await import('../../src/server/release/release-round');
  const { findSealKey } = await import('../../src/server/release/seal-key');
  const db = openSqlite(join(server.dataDir, 'tifaktor.sqlite'));
  try {
    // The server keeps answers sealed until the round is over: release them now, as it will then.
    await releaseRound(db, findSealKey({ dataDir: server.dataDir }).key, DEMO_IDS.round);
    // Only the open demo round: the demo's published rounds hold made-up answers of their own.
    return await db.kysely
      .selectFrom('responses')
      .selectAll()
      .where('round_id', '=', DEMO_IDS.round)
      .execute();
  } finally {
    await db.close();
  }
}

describe('answering offline on a phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPhonePage(browser));
  });
  afterAll(() => context?.close());

  it('answers all 36 in nynorsk without a network, and the server gets exactly that answer once', async () => {
    const [code] = await issueDemoCodes(server.app, 1);
    const survey = new SurveyPage(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();
    await survey.waitForOfflineReady();
    await expectNoAxeViolations(page, 'start');

    await context.setOffline(true);
    await page.reload();
    await survey.chooseLanguage('Nynorsk');
    // Typed offline: only the check character can be verified until the answer syncs.
    await page.getByLabel('Eingongskode').fill(code!.toLowerCase());
    await page.getByRole('button', { name: 'Start undersøkinga' }).click();
    await page.getByRole('heading', { name: 'Før du byrjar' }).waitFor();
    await expectNoAxeViolations(page, 'intro');
    await page.getByRole('link', { name: 'Gå til første påstand' }).click();

    for (const [i, statement] of statements.entries()) {
      await page.getByRole('heading', { name: statement.text.nn }).waitFor();
      await survey.progress(i + 1, statements.length, 'av').waitFor();
      if (i === 11) {
        await expectNoAxeViolations(page, 'statement');
        await page.screenshot({ path: join(SCREENSHOTS, 'phone-statement-nn.png'), fullPage: true });
      }
      await survey.answer(NN_SCALE[expectedValue(i) - 1]!);
    }

    await page.getByRole('heading', { name: 'Litt om deg' }).waitFor();
    await expectNoAxeViolations(page, 'background');
    const gender = DEFAULT_QUESTIONNAIRE.background.find((q) => q.id === 'gender')!;
    await page
      .getByRole('group', { name: gender.label.nn })
      .getByRole('radio', { name: gender.options[0]!.label.nn })
      .click();
    await page.getByRole('button', { name: 'Neste' }).click();

    await page.getByRole('heading', { name: 'Noko du vil leggje til?' }).waitFor();
    await expectNoAxeViolations(page, 'open question');
    await page.getByRole('textbox').fill('Meir tid til opplæring');
    await page.getByRole('button', { name: 'Neste' }).click();

    await page.getByText('Du har svart på alle påstandane.').waitFor();
    await expectNoAxeViolations(page, 'review');
    await page.getByRole('button', { name: 'Send svaret' }).click();

    await page.getByText(/lagra her på nettbrettet eller telefonen og blir sendt automatisk/).waitFor();
    await expectNoAxeViolations(page, 'thanks');
    await page.getByRole('button', { name: 'Ferdig' }).click();
    // The next person starts in the round's default language (bokmål).
    await page.getByText('1 svar venter på å bli sendt').waitFor();
    expect(await storedResponses()).toHaveLength(0);

    // The next person presses the browser's back button: nothing of the answer may show.
    await page.goBack();
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();
    expect(await page.getByText('Takk for svaret!').count()).toBe(0);
    expect(await page.locator('input:checked').count()).toBe(0);

    await context.setOffline(false);
    await page.getByText('Alle svar er sendt').waitFor({ timeout: 30_000 });

    const rows = await storedResponses();
    expect(rows).toHaveLength(1);
    const stored = rows[0]!;
    const answers = JSON.parse(String(stored.answers)) as Record<string, number | null>;
    expect(Object.keys(answers)).toHaveLength(36);
    statements.forEach((s, i) => expect(answers[s.id], s.id).toBe(expectedValue(i)));
    expect(JSON.parse(String(stored.background))).toEqual({ gender: gender.options[0]!.value });
    expect(stored.open_text).toBe('Meir tid til opplæring');
    expect(String(stored.answered_on)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the survey on a 1280×800 tablet', () => {
  it('lays the scale out in a row and passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      const [code] = await issueDemoCodes(server.app, 1);
      await page.goto(`${server.url}/s/${code!}`);
      await page.getByRole('button', { name: 'Start undersøkelsen' }).click();
      await page.getByRole('link', { name: 'Gå til første påstand' }).click();
      await page.getByText('1 av 36').waitFor();
      const boxes = await page
        .locator('.likert__option')
        .evaluateAll((els) =>
          els
            .map((el) => el.getBoundingClientRect())
            .map((r) => ({ top: Math.round(r.top), height: r.height, width: r.width })),
        );
      expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
      boxes.forEach((b) => expect(Math.min(b.height, b.width)).toBeGreaterThanOrEqual(48));
      await expectNoAxeViolations(page, 'tablet statement');
      await page.screenshot({ path: join(SCREENSHOTS, 'tablet-statement-nb.png') });
    } finally {
      await context.close();
    }
  });
});
