// The factor cards in a real browser, the way a care worker meets them: visited once online,
// then opened offline on a phone in nynorsk, followed through the map, printed for a workshop.
// Every card screen passes axe, on a 360 px phone and on a 1280×800 tablet.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTOR_IDS } from '../../src/shared/factors';
import { expectNoAxeViolations, pdfPageCount, PHONE, printPageBoxes, SCREENSHOTS } from './support/checks';
import { openPage, type BrowserPage } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const ROOT = join(import.meta.dirname, '..', '..');
const nn = JSON.parse(readFileSync(join(ROOT, 'locales', 'nn', 'factors.json'), 'utf8')) as {
  factor: Record<string, { name: string; short: string }>;
};

let server: TestServer;
let opened: BrowserPage | undefined;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  opened = await openPage({ viewport: PHONE });
  ({ context, page } = opened);
});

afterAll(async () => {
  await opened?.close();
  await server?.dispose();
});

/** A full page load starts in the municipality's language again (only a survey draft keeps a choice). */
async function gotoInNynorsk(path: string) {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
}

const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function shoot(name: string, fullPage = true) {
  await page.screenshot({ path: join(SCREENSHOTS, `factors-${name}.png`), fullPage });
}

describe('factor cards, offline after the first visit', () => {
  // Setup, not a test: every case below is about the cards once the app is installed and the
  // network is gone. The visit online installs the service worker; a reload lets it take control.
  beforeAll(async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
  });

  it('opens /faktorer/mestringsklima offline and switches to nynorsk', async () => {
    await page.goto(`${server.url}/faktorer/mestringsklima`);
    await h1('Mestringsklima').waitFor();
    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await h1('Meistringsklima').waitFor();
    await page.getByText(nn.factor.mestringsklima!.short, { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dette kan leiaren gjere' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    expect(page.url()).toBe(`${server.url}/faktorer/mestringsklima`);
    await expectNoAxeViolations(page, 'card (nn, 360)');
    await shoot('card-nn-360');
  });

  it('draws the map readable at 360 px and follows a node to another card', async () => {
    const map = page.getByRole('group', { name: 'Kart over korleis dei ti faktorane påverkar kvarandre' });
    // The pointer left over from the last click would light up whichever box scrolls under it.
    await page.mouse.move(0, 0);
    await map.scrollIntoViewIfNeeded();
    await map.screenshot({ path: join(SCREENSHOTS, 'factors-map-card-nn-360.png') });
    // Rendered label size: the SVG scales with the screen, so check pixels, not units.
    const labelPx = await page.evaluate(() => {
      const text = document.querySelector('.map-node__label')!;
      return parseFloat(getComputedStyle(text).fontSize) * (text.closest('svg')!.getScreenCTM()?.a ?? 0);
    });
    expect(labelPx).toBeGreaterThanOrEqual(14);
    expect(await page.locator('.influence-map [data-edge]').count()).toBe(23);

    await map.getByRole('link', { name: 'Autonomi, Drivarar' }).click();
    await h1('Autonomi').waitFor();
    expect(page.url()).toBe(`${server.url}/faktorer/autonomi`);
    await page.getByText(nn.factor.autonomi!.short, { exact: true }).waitFor();
  });

  it('shows the list, the map, the deck and a missing card without axe violations (phone)', async () => {
    await page
      .getByRole('navigation', { name: 'Faktorkorta' })
      .getByRole('link', { name: 'Alle faktorane' })
      .click();
    await h1('Dei ti faktorane').waitFor();
    expect(await page.locator('.factor-grid > li').count()).toBe(10);
    await expectNoAxeViolations(page, 'list (nn, 360)');
    await shoot('list-nn-360');

    await page.getByRole('navigation', { name: 'Faktorkorta' }).getByRole('link', { name: 'Kart' }).click();
    await h1('Slik påverkar faktorane kvarandre').waitFor();
    await expectNoAxeViolations(page, 'map (nn, 360)');
    await shoot('map-nn-360');

    await page
      .getByRole('navigation', { name: 'Faktorkorta' })
      .getByRole('link', { name: 'Les alle ti' })
      .click();
    await h1('Bli kjend med dei ti faktorane').waitFor();
    await page.getByRole('button', { name: 'Merk som lese' }).click();
    await page.getByText('1 av 10 lesne', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'deck (nn, 360)');
    await shoot('deck-nn-360');

    await gotoInNynorsk('/faktorer/ukjend');
    await h1('Fann ikkje faktoren').waitFor();
    await expectNoAxeViolations(page, 'not found (nn, 360)');
  });

  it('prints all ten cards, two per A4 page, without the header and menus', async () => {
    await gotoInNynorsk('/faktorer/utskrift');
    await h1('Faktorkorta til utskrift').waitFor();
    expect(await page.locator('.print-card').count()).toBe(10);
    await expectNoAxeViolations(page, 'print (nn, 360)');
    await shoot('print-nn-360', false);

    try {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Faktorkorta' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPageCount(pdf), 'nynorsk: ten cards on five A4 pages').toBe(5);
      writeFileSync(join(SCREENSHOTS, 'factors-print-nn.pdf'), pdf);
      const boxes = await printPageBoxes(page);
      expect(boxes).toContain('content: "Faktorkorta · Medarbeidarundersøkinga om ti faktorar"');
      expect(boxes).toMatch(/content: "side " counter\(page\) " av " counter\(pages\)/);
      await page.setViewportSize({ width: 718, height: 1047 });
      await shoot('print-media-a4', false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 360, height: 740 });
    }
    // English runs longest: it must still fit two cards on a page.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await h1('The factor cards for printing').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdfPageCount(pdf), 'english: ten cards on five A4 pages').toBe(5);
  });

  it('shows list, card, map, deck and print on a 1280×800 tablet without axe violations', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Bokmål', exact: true }).click();
    await page.goto(`${server.url}/faktorer`);
    await h1('De ti faktorene').waitFor();
    await expectNoAxeViolations(page, 'list (nb, 1280)');
    await shoot('list-nb-1280', false);

    await page.goto(`${server.url}/faktorer/mestringsorientert-ledelse`);
    await h1('Mestringsorientert ledelse').waitFor();
    await expectNoAxeViolations(page, 'card (nb, 1280)');
    await shoot('card-nb-1280');

    await page.goto(`${server.url}/faktorer/kart`);
    await h1('Slik påvirker faktorene hverandre').waitFor();
    expect(await page.locator('.influence-map--wide [data-edge]').count()).toBe(23);
    // Keyboard: Tab reaches a map node and shows a focus ring.
    await page.locator('.influence-map').evaluate((figure) => {
      const before = figure.previousElementSibling as HTMLElement;
      before.tabIndex = -1;
      before.focus();
    });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node'));
    // Tab from just before the map lands on one of the ten factor nodes.
    expect(FACTOR_IDS).toContain(focused);
    const ring = await page.evaluate(
      () => getComputedStyle(document.activeElement!.querySelector('.map-node__focus')!).stroke,
    );
    expect(ring).not.toBe('none');
    expect(ring).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await expectNoAxeViolations(page, 'map (nb, 1280)');
    await shoot('map-nb-1280');

    await page.goto(`${server.url}/faktorer/les`);
    await h1('Bli kjent med de ti faktorene').waitFor();
    await page.getByText('1 av 10 lest', { exact: true }).waitFor();
    await shoot('deck-nb-1280', false);

    await page.goto(`${server.url}/faktorer/utskrift`);
    await h1('Faktorkortene til utskrift').waitFor();
    await expectNoAxeViolations(page, 'print (nb, 1280)');
  });
});
