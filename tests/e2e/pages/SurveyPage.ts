// Page object for the respondent flow: the tests speak in the user's steps, not in selectors.
import type { Page } from 'playwright-core';

export class SurveyPage {
  constructor(readonly page: Page) {}

  async chooseLanguage(name: 'Bokmål' | 'Nynorsk' | 'English') {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async start(beginLabel: string, continueLabel: string) {
    await this.page.getByRole('button', { name: beginLabel }).click();
    await this.page.getByRole('link', { name: continueLabel }).click();
  }

  progress(current: number, total: number, word: string) {
    return this.page.getByText(`${current} ${word} ${total}`, { exact: true });
  }

  async answer(label: string) {
    await this.page.getByRole('radio', { name: label, exact: true }).click();
  }

  /** Waits until the service worker controls the page: only then does a reload work offline. */
  async waitForOfflineReady() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}
