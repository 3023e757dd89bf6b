// What every end-to-end screen check does: axe with the violations spelled out, screenshots into
// test-results/ at the two sizes the product is made for, and the page count of a printed PDF.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, describeViolations } from './axe';

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', 'test-results');
/** A shared tablet on a ward. */
export const TABLET = { width: 1280, height: 800 };
/** A small phone. */
export const PHONE = { width: 360, height: 740 };

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}: ${describeViolations(violations)}`).toEqual([]);
}

/**
 * axe and a full-page screenshot (`<name>-1280.png`, `<name>-360.png`) on the tablet and on the
 * phone, optionally checking that nothing scrolls sideways; then back to the tablet.
 */
export async function checkBoth(
  page: Page,
  name: string,
  options: { noSideScroll?: boolean } = {},
): Promise<void> {
  for (const [size, viewport] of [
    ['1280', TABLET],
    ['360', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.mouse.move(0, 0);
    await expectNoAxeViolations(page, `${name} (${size})`);
    if (options.noSideScroll) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${size} px scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(TABLET);
}

/** Counts the pages of a PDF that Chromium printed (one "/Type /Page" object per page). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/**
 * The running header and page-number rules the screen has given the document for printing (the
 * @page margin boxes of src/app/ui/print-pages.ts), as CSS text.
 */
export function printPageBoxes(page: Page): Promise<string> {
  return page.evaluate(() =>
    document.adoptedStyleSheets
      .flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText))
      .filter((text) => text.startsWith('@page'))
      .join('\n'),
  );
}
