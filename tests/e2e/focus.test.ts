// The focus indicator, measured in the browser on every control Tab reaches: the respondent's start
// screen, a statement with its answer chosen (the ring on a selected answer), the factor cards and
// the map, and the staff screens including the report's heat map. WCAG 2.1 1.4.11 asks 3:1 against
// what lies behind the ring; axe does not check it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { openPage, type BrowserPage } from './support/browser';
import { TABLET } from './support/checks';
import { tabThrough, weakStops } from './support/focus';
import { startTestServer, type TestServer } from './support/server';
import { issueDemoCodes } from './support/staff-api';

let server: TestServer;
let opened: BrowserPage | undefined;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  opened = await openPage({ viewport: TABLET });
  page = opened.page;
});

afterAll(async () => {
  await opened?.close();
  await server?.dispose();
});

async function expectStrongRing(screen: string, minStops: number) {
  const stops = await tabThrough(page);
  expect(
    stops.length,
    `${screen}: Tab reached ${stops.map((s) => s.what).join(', ')}`,
  ).toBeGreaterThanOrEqual(minStops);
  expect(weakStops(stops), screen).toEqual([]);
}

describe('the focus ring has 3:1 wherever Tab goes', () => {
  it('on the start screen and on a statement with its answer chosen', async () => {
    const [code] = await issueDemoCodes(server.app, 1);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();
    await expectStrongRing('start', 4);

    await page.getByLabel('Engangskode').fill(code!);
    await page.getByRole('button', { name: 'Start undersøkelsen' }).click();
    await page.getByRole('link', { name: 'Gå til første påstand' }).click();
    await page.getByRole('radio').nth(3).click();
    await expectStrongRing('statement with a chosen answer', 3);
  });

  it('on the factor cards and the map', async () => {
    await page.goto(`${server.url}/faktorer`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectStrongRing('factor list', 10);
    await page.goto(`${server.url}/faktorer/kart`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectStrongRing('factor map', 10);
  });

  it('on the staff screens and the report heat map', async () => {
    await page.goto(`${server.url}/admin/logg-inn`);
    await page.getByLabel('Brukernavn').waitFor();
    await expectStrongRing('login', 3);
    await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.admin);
    await page.getByLabel('Passord').fill(DEMO_LOGINS.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const nav = page.getByRole('navigation', { name: 'Administrasjon' });
    await nav.waitFor();
    await expectStrongRing('staff home', 5);
    await nav.getByRole('link', { name: 'Runder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Runder' }).waitFor();
    await expectStrongRing('rounds', 8);
    await nav.getByRole('link', { name: 'Rapporter' }).click();
    await page.getByRole('link', { name: 'Se alle enhetene i et varmekart' }).first().click();
    await page.getByRole('table').waitFor();
    await expectStrongRing('heat map', 8);
  });
});
