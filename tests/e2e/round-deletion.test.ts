// Deleting a round for good (issue 15) in a real browser against the real server and its demo
// data: the demo admin opens "Slett runden for godt" on a published round with answers, reads what
// goes, types the name and deletes it by the keyboard alone; the panel and the screen pass axe in
// bokmål and, for another round, in nynorsk. The round's rows are gone from the server afterwards.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import type { AdminRound } from '../../src/shared/api/organisation';
import { launchBrowser } from './support/browser';
import { checkBoth, SCREENSHOTS, TABLET } from './support/checks';
import { startTestServer, type TestServer } from './support/server';
import { demoAdminApi, publishSectorRound } from './support/staff-api';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let published: AdminRound;
let draft: AdminRound;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  const api = await demoAdminApi(server.app);
  published = await publishSectorRound(server.app, api, 'Slettes våren 2026', [[DEMO_IDS.department, 6, 4]]);
  draft = await api<AdminRound>(
    'POST',
    '/rounds',
    { name: 'Utkast som slettes', unitId: DEMO_IDS.sector },
    201,
  );
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: TABLET, locale: 'nb-NO' });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

async function openRounds() {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.admin);
  await page.getByLabel('Passord').fill(DEMO_LOGINS.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: 'Svarprosent' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Administrasjon' })
    .getByRole('link', { name: 'Runder' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Runder', exact: true }).waitFor();
}

describe('deleting a round for good', () => {
  it('lists what goes, takes the name typed, and deletes by the keyboard alone (bokmål, axe 0)', async () => {
    await openRounds();
    const open = page.getByRole('button', { name: `Slett runden for godt: ${published.name}` });
    await open.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: `Slette «${published.name}» for godt?` });
    await panel.getByText('6 lagrede svar').waitFor();
    await panel.getByText('6 engangskoder').waitFor();
    await panel.getByText(/sammenligningene som bygger på 6 svar/).waitFor();
    await checkBoth(page, 'round-deletion-nb');

    await page.keyboard.press('Tab');
    await page.keyboard.type(published.name);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`Runden «${published.name}» er slettet for godt.`).waitFor();
    expect(await page.getByRole('article', { name: published.name }).count()).toBe(0);
    // Gone on the server too: the preview of a round that does not exist is 404.
    const api = await demoAdminApi(server.app);
    await api('GET', `/rounds/${published.id}/deletion`, undefined, 404);
  });

  it('shows the panel in nynorsk with axe 0, and Escape closes it without deleting', async () => {
    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    const open = page.getByRole('button', { name: `Slett runden for godt: ${draft.name}` });
    await open.click();
    const panel = page.getByRole('region', { name: `Slette «${draft.name}» for godt?` });
    await panel.getByText('Dette kan ikkje angrast. Alt som høyrer til runden, blir sletta:').waitFor();
    await panel.getByLabel('Skriv namnet på runden for å stadfeste').waitFor();
    await checkBoth(page, 'round-deletion-nn');
    await page.keyboard.press('Escape');
    await open.waitFor();
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('article', { name: draft.name }).waitFor();
  });
});
