// A leader enrols the unit's shared tablet from a QR link; the tablet then takes answers without
// codes (the demo department runs an open kiosk) and they reach the server under that unit.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/server/demo/seed-demo';
import { axeViolations, describeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';
import { createDemoEnrolment } from './support/staff-api';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('an enrolled shared tablet', () => {
  it('is set up from the enrolment link once, then takes an answer without a code', async () => {
    const enrolmentPath = await createDemoEnrolment(server.app);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}${enrolmentPath}`);
      await page.getByText('Nettbrettet er satt opp for Avdeling 2.', { exact: false }).waitFor();
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.getByRole('link', { name: 'Gå til startsiden' }).click();
      await page.getByText('Dette nettbrettet er satt opp for Avdeling 2.').waitFor();
      expect(await page.getByLabel('Engangskode').count()).toBe(0);

      await page.getByRole('button', { name: 'Start undersøkelsen' }).click();
      await page.getByRole('link', { name: 'Gå til første påstand' }).click();
      await page.getByRole('radio', { name: 'Delvis enig', exact: true }).click();
      await page.getByText('2 av 36').waitFor();
      await page.goto(`${server.url}/oversikt`);
      await page.getByRole('button', { name: 'Send svaret' }).click();
      await page.getByText(/Svaret ditt er sendt\.|lagret her på nettbrettet/).waitFor();
      await page.getByRole('button', { name: 'Ferdig' }).click();
      await page.getByText('Alle svar er sendt').waitFor({ timeout: 30_000 });

      const { openSqlite } = await import('../../src/server/db/database');
      const { join } = await import('node:path');
      const db = openSqlite(join(server.dataDir, 'tifaktor.sqlite'));
      try {
        // Sealed until the round is over (src/server/release/): its unit is all the inbox shows.
        const rows = await db.kysely
          .selectFrom('sealed_inbox')
          .select(['unit_id'])
          .where('round_id', '=', DEMO_IDS.round)
          .execute();
        expect(rows).toEqual([{ unit_id: DEMO_IDS.department }]);
      } finally {
        await db.close();
      }

      // The enrolment link works once: a second device gets a clear refusal.
      const other = await browser.newPage();
      await other.goto(`${server.url}${enrolmentPath}`);
      await other.getByText('Lenken virker ikke').waitFor();
      await other.close();
    } finally {
      await context.close();
    }
  });
});
