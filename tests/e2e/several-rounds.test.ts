// Two rounds open at once in one municipality, answered from one phone opened at the
// municipality's entry address (issue 14): one answer typed offline (the phone cannot know its
// code's round and answers the newest), one online; each lands in its own code's round.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/server/demo/seed-demo';
import { launchBrowser, newPhonePage } from './support/browser';
import { expectNoAxeViolations } from './support/checks';
import { startTestServer, type TestServer } from './support/server';
import { demoAdminApi, issueDemoCodes } from './support/staff-api';
import { SurveyPage } from './pages/SurveyPage';

let server: TestServer;
let browser: Browser;
let secondRound: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const api = await demoAdminApi(server.app);
  const created = await api<{ id: string }>(
    'POST',
    '/rounds',
    { name: 'Oppfølging Solbakken 2026', unitId: DEMO_IDS.unit },
    201,
  );
  await api('POST', `/rounds/${created.id}/open`);
  secondRound = created.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Where the answers went: round and unit of each sealed answer (nothing else is readable). */
async function sealedPlaces(): Promise<string[]> {
  const { openSqlite } = await import('../../src/server/db/database');
  const db = openSqlite(join(server.dataDir, 'tifaktor.sqlite'));
  try {
    const rows = await db.kysely.selectFrom('sealed_inbox').select(['round_id', 'unit_id']).execute();
    return rows.map((r) => `${r.round_id}/${r.unit_id}`).sort();
  } finally {
    await db.close();
  }
}

async function answerWithCode(page: Page, code: string) {
  await page.getByLabel('Engangskode').fill(code);
  await page.getByRole('button', { name: 'Start undersøkelsen' }).click();
  await page.getByRole('heading', { name: 'Før du begynner' }).waitFor();
  await page.getByRole('link', { name: 'Gå til første påstand' }).click();
  for (let i = 1; i <= 36; i++) {
    await page.getByText(`${i} av 36`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Hopp over' }).click();
  }
  // Background and open question as far as the round asks them, then the review.
  const next = page.getByRole('button', { name: /^(Neste|Send svaret)$/ });
  for (let screens = 0; screens < 4; screens++) {
    const label = await next.textContent();
    await next.click();
    if (label === 'Send svaret') break;
  }
  await page.getByRole('heading', { name: 'Takk for svaret!' }).waitFor();
}

describe('two open rounds on one phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPhonePage(browser));
  });
  afterAll(() => context?.close());

  it("puts each code's answer into its own round, offline or online", async () => {
    const [codeFirst] = await issueDemoCodes(server.app, 1);
    const api = await demoAdminApi(server.app);
    const { codes } = await api<{ codes: string[] }>(
      'POST',
      `/rounds/${secondRound}/units/${DEMO_IDS.department}/codes`,
      { count: 1 },
      201,
    );
    const before = await sealedPlaces();
    const survey = new SurveyPage(page);
    await page.goto(`${server.url}/k/demo-kommune`);
    await page.getByText('2 undersøkelser er åpne her nå. Koden din avgjør hvilken du svarer på.').waitFor();
    await expectNoAxeViolations(page, 'start with two rounds');
    await survey.waitForOfflineReady();

    // Offline: the demo round's code, answered under the newest round the phone has cached.
    await context.setOffline(true);
    await page.reload();
    await page.getByText('2 undersøkelser er åpne her nå. Koden din avgjør hvilken du svarer på.').waitFor();
    await answerWithCode(page, codeFirst!);
    await page.getByRole('button', { name: 'Ferdig' }).click();
    await page.getByText('1 svar venter på å bli sendt').waitFor();

    // Online again: the second round's code, checked by the server before the person starts.
    await context.setOffline(false);
    await page.getByText('Alle svar er sendt').waitFor({ timeout: 30_000 });
    await answerWithCode(page, codes[0]!);
    await page.getByText('Svaret ditt er sendt.').waitFor({ timeout: 30_000 });

    expect(await sealedPlaces()).toEqual(
      [...before, `${DEMO_IDS.round}/${DEMO_IDS.department}`, `${secondRound}/${DEMO_IDS.department}`].sort(),
    );
  });
});
