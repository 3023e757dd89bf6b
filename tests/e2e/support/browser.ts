// Launches Debian's Chromium through playwright-core: never a downloaded browser.
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Closes the context and the browser. */
  close(): Promise<void>;
}

/** A browser with one page in a fresh context (bokmål locale unless `options` says otherwise). */
export async function openPage(options: BrowserContextOptions): Promise<BrowserPage> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'nb-NO', ...options });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** A phone's screen: the 360 px the respondent screens are made for. */
export const PHONE = { width: 360, height: 740 };

/** A fresh context on a bokmål phone in `browser`, with one page. */
export async function newPhonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'nb-NO' });
  return { context, page: await context.newPage() };
}
