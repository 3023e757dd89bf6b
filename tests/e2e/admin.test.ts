// The staff screens in a real browser against the real server and its demo data: HR signs in as
// the demo admin, imports units from CSV, creates a round, makes and prints 3 codes, creates a
// tablet enrolment QR and looks at the accounts; then the demo leader sees their units' response
// rate. Every screen passes axe on a 1280×800 screen and on a 360 px phone, and is photographed on
// both into test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { checkBoth, SCREENSHOTS, TABLET } from './support/checks';
import { launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the browser reported as blocked by the server's Content-Security-Policy. */
const cspViolations: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: TABLET, locale: 'nb-NO' });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

/** The staff side in the user's steps, not in selectors. */
class AdminPage {
  constructor(readonly page: Page) {}

  h1(name: string) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel('Brukernavn').fill(username);
    await this.page.getByLabel('Passord').fill(password);
    await this.page.getByRole('button', { name: 'Logg inn' }).click();
  }

  async open(menuItem: string, heading: string) {
    await this.page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: menuItem })
      .click();
    await this.h1(heading).waitFor();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await this.h1('Logg inn').waitFor();
  }
}

const admin = () => new AdminPage(page);

describe('staff screens with the demo admin', () => {
  it('shows the login page for /admin and signs the demo admin in', async () => {
    await page.goto(`${server.url}/admin`);
    await admin().h1('Logg inn').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/logg-inn');
    await checkBoth(page, 'admin-login');

    await admin().signIn(DEMO_LOGINS.admin, 'feil-passord-her');
    await page.getByRole('alert').filter({ hasText: 'Feil brukernavn eller passord.' }).waitFor();
    await admin().signIn(DEMO_LOGINS.admin, DEMO_LOGINS.password);
    await admin().h1('Svarprosent').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
  });

  it('shows the response rate of the open demo round with its countdown', async () => {
    await page.getByText('Mål: høy svarprosent!').waitFor();
    const round = page.getByRole('region', { name: 'Medarbeiderundersøkelsen 2026' });
    await round.getByText(/^\d+ dager igjen$/).waitFor();
    await round.getByRole('table', { name: 'Svar og svarprosent per enhet' }).waitFor();
    await checkBoth(page, 'admin-progress');
  });

  it('imports units from CSV, and lists every bad line of a broken file', async () => {
    await admin().open('Enheter', 'Enheter');
    await page.getByText('Solbakken sykehjem', { exact: true }).waitFor();
    const csv = page.getByLabel('Eller lim inn innholdet her');

    await csv.fill('id;parent_id;name;unit_type;employee_count\nx1;finnes-ikke;Feil;;mange\n');
    await page.getByRole('button', { name: 'Importer' }).click();
    const errors = page.locator('#units-csv-lines');
    await errors.waitFor();
    expect(await errors.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect(await errors.getByRole('listitem').first().textContent()).toMatch(/^Linje 2: /);
    await checkBoth(page, 'admin-units-csv-errors');

    await csv.fill(
      'id;parent_id;name;unit_type;employee_count\n' +
        'e2e-heimen;demo-helse-og-omsorg;Heimen bofellesskap;Sykehjem;14\n' +
        'e2e-heimen-natt;e2e-heimen;Heimen nattevakt;;6\n',
    );
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Importert: 2 nye og 0 oppdaterte enheter.').waitFor();
    await page.getByText('Heimen nattevakt', { exact: true }).waitFor();
    await checkBoth(page, 'admin-units');
  });

  it('creates a draft round with the defaults', async () => {
    await admin().open('Runder', 'Runder');
    await page.getByRole('button', { name: 'Lag en ny runde' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('Heimen våren 2027');
    await page.getByLabel('Gjelder').selectOption('e2e-heimen');
    await page.getByRole('button', { name: 'Lagre som utkast' }).click();
    await page.getByRole('article', { name: 'Heimen våren 2027' }).waitFor();
    await checkBoth(page, 'admin-rounds', { noSideScroll: true });
  });

  it('makes 3 codes for Avdeling 2 and shows them as printable slips with QR codes', async () => {
    await admin().open('Koder', 'Koder');
    await page.getByLabel('Runde').selectOption({ label: 'Medarbeiderundersøkelsen 2026 (Åpen)' });
    await page.getByLabel('Enhet').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Avdeling 2' });
    await page.getByText(/^Laget tidligere: \d+\./).waitFor();
    await checkBoth(page, 'admin-codes-form');

    await page.getByLabel('Antall nye koder').fill('3');
    await page.getByRole('button', { name: 'Lag koder' }).click();
    await admin().h1('3 nye koder for Avdeling 2').waitFor();
    const slips = page.getByRole('list', { name: 'Kodelapper' }).getByRole('listitem');
    expect(await slips.count()).toBe(3);
    for (const slip of await slips.all()) {
      expect(await slip.locator('.code-slip__code').textContent()).toMatch(
        /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/,
      );
      expect(
        await slip.getByRole('img', { name: 'QR-kode med lenke til undersøkelsen' }).locator('svg').count(),
      ).toBe(1);
    }
    await checkBoth(page, 'admin-codes-slips');

    // On paper: only the slips, on one A4 page.
    // An A4 sheet at 96 dpi, to look at the paper layout.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-codes-print.png'), fullPage: true });
    expect(await page.getByRole('navigation', { name: 'Administrasjon' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(TABLET);
    await page.getByRole('button', { name: 'Ferdig' }).click();
  });

  it('creates a tablet enrolment QR code and lists the kiosks', async () => {
    await admin().open('Nettbrett', 'Nettbrett');
    await page.getByLabel('Runde').selectOption({ label: 'Medarbeiderundersøkelsen 2026 (Åpen)' });
    await page.getByLabel('Enhet').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Avdeling 2' });
    await page.getByLabel('Navn på nettbrettet (valgfritt)').fill('Vaktrommet');
    await page.getByRole('button', { name: 'Lag QR-kode' }).click();
    await page.getByRole('img', { name: 'QR-kode for å melde inn et nettbrett i Avdeling 2' }).waitFor();
    expect(await page.locator('.enrolment__link code').textContent()).toMatch(
      new RegExp(`^${server.url.replace('localhost', '(localhost|127\\.0\\.0\\.1)')}/kiosk/`),
    );
    await checkBoth(page, 'admin-kiosks');
  });

  it('lists the accounts with their roles and the municipality settings', async () => {
    await admin().open('Kontoer', 'Kontoer og roller');
    await page.getByRole('rowheader', { name: 'Demo leder, Solbakken' }).waitFor();
    await page.getByText('Leder: Solbakken sykehjem').waitFor();
    await page.getByRole('button', { name: 'Lag en ny konto' }).click();
    await checkBoth(page, 'admin-accounts');

    await admin().open('Kommunen', 'Kommunen');
    await page.getByLabel('Navn på kommunen').waitFor();
    expect(await page.getByLabel('Navn på kommunen').inputValue()).toBe('Demo kommune');
    await checkBoth(page, 'admin-municipality', { noSideScroll: true });
  });

  it('shows the demo leader only their menu and their units', async () => {
    await admin().signOut();
    await page.getByText('Du er logget ut.').waitFor();
    await admin().signIn(DEMO_LOGINS.leader, DEMO_LOGINS.password);
    await admin().h1('Mine enheter').waitFor();
    const menu = page.getByRole('navigation', { name: 'Administrasjon' }).getByRole('link');
    expect(await menu.allTextContents()).toEqual([
      'Mine enheter',
      'Rapporter',
      'Oppfølging',
      'Forberedelse',
      'Koder',
      'Nettbrett',
    ]);
    const table = page.getByRole('table', { name: 'Svar og svarprosent per enhet' });
    await table.waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).not.toContain('Helse og omsorg');
    await checkBoth(page, 'admin-leader');

    // Codes and tablets for the leader's own units only.
    await admin().open('Koder', 'Koder');
    await page.getByLabel('Runde').selectOption({ label: 'Medarbeiderundersøkelsen 2026 (Åpen)' });
    const units = await page.getByLabel('Enhet').locator('option').allTextContents();
    expect(units.map((u) => u.trim())).toEqual(['Velg enhet', 'Avdeling 2']);
    await checkBoth(page, 'admin-leader-codes');
    await admin().open('Nettbrett', 'Nettbrett');
    await page
      .getByRole('table', { name: 'Innmeldte nettbrett' })
      .or(page.getByText('Ingen nettbrett er meldt inn.'))
      .waitFor();
    await checkBoth(page, 'admin-leader-kiosks');
  });

  it('broke no Content-Security-Policy rule on any staff screen (QR slips included)', () => {
    expect(cspViolations).toEqual([]);
  });
});
