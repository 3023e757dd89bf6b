// WCAG 2.1 1.4.12 Text spacing at 320 px: with line height 1.5, paragraph spacing 2em, letter
// spacing 0.12em and word spacing 0.16em (the criterion's own values), nothing may overflow the
// screen sideways or be cut off. Checked on the respondent's start screen in nynorsk and bokmål, the
// factor list, and a report with distribution bars (whose in-bar percentages hide when they no
// longer fit; the table beside them has the same numbers).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { DEMO_REPORT_IDS } from '../../src/server/demo/seed-demo-reports';
import { openPage, type BrowserPage } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let opened: BrowserPage | undefined;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  opened = await openPage({ viewport: { width: 320, height: 700 } });
  page = opened.page;
});

afterAll(async () => {
  await opened?.close();
  await server?.dispose();
});

/** The criterion's spacing, given as a constructed stylesheet (the app's CSP forbids <style>). */
async function widenTextSpacing() {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  // Let layout and the resize observers settle.
  await page.waitForTimeout(100);
}

/** Everything that sticks out sideways or is cut off by its own box, as readable lines. */
function overflows(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const pageWidth = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > pageWidth)
      found.push(`page scrolls sideways by ${document.documentElement.scrollWidth - pageWidth} px`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      if (
        style.display === 'none' ||
        style.visibility === 'hidden' ||
        el.closest('[hidden], .visually-hidden')
      )
        continue;
      // A wide table may scroll inside its own region (1.4.10 allows it for tables); the region itself must fit.
      let scroller = el.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX))
        scroller = scroller.parentElement;
      if (scroller && scroller !== document.documentElement && scroller !== document.body) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right > pageWidth + 0.5)
        found.push(`${name(el)} ends ${Math.round(rect.right - pageWidth)} px past the screen`);
      const clips = ['hidden', 'clip'].includes(style.overflowX);
      if (clips && el.children.length === 0 && el.scrollWidth > el.clientWidth + 1)
        found.push(`${name(el)} is cut off (${el.scrollWidth} > ${el.clientWidth})`);
      // Text that runs out of its own box (a long word that does not break).
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (
        !clips &&
        ownText &&
        style.display !== 'inline' &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1
      )
        found.push(`${name(el)} text runs ${el.scrollWidth - el.clientWidth} px out of its box`);
    }
    // A label inside a bar segment must fit its segment, or be hidden.
    for (const label of document.querySelectorAll<HTMLElement>('.report-dist__value')) {
      if (getComputedStyle(label).visibility === 'hidden') continue;
      const segment = label.parentElement!;
      if (label.scrollWidth > segment.clientWidth)
        found.push(
          `bar label "${label.textContent}" is cut off (${label.scrollWidth} > ${segment.clientWidth})`,
        );
    }
    return found;
  });
}

describe('text spacing at 320 px', () => {
  it('keeps the start screen whole in bokmål and nynorsk', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start undersøkelsen' }).waitFor();
    await widenTextSpacing();
    expect(await overflows(), 'bokmål').toEqual([]);
    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await page.getByRole('button', { name: 'Start undersøkinga' }).waitFor();
    expect(await overflows(), 'nynorsk').toEqual([]);
  });

  it('keeps the factor list whole', async () => {
    await page.goto(`${server.url}/faktorer`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await widenTextSpacing();
    expect(await overflows()).toEqual([]);
  });

  it('keeps a report whole, hiding an in-bar percentage that no longer fits', async () => {
    // The nynorsk pick of the first case is remembered on the device; the leader reads in bokmål.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${server.url}/admin/logg-inn`);
    await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.leader);
    await page.getByLabel('Passord').fill(DEMO_LOGINS.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('navigation', { name: 'Administrasjon' }).waitFor();
    await page.goto(`${server.url}/admin/rapporter/${DEMO_REPORT_IDS.laterRound}/${DEMO_IDS.unit}`);
    await page.getByRole('heading', { level: 1, name: /Solbakken/ }).waitFor();
    await page.locator('.report-dist__value').first().waitFor();
    await widenTextSpacing();
    expect(await overflows()).toEqual([]);
    // The rule is not vacuous: some labels still show.
    expect(
      await page.locator('.report-dist__value:not(.report-dist__value--hidden)').count(),
    ).toBeGreaterThan(0);
  });
});
