// The audit log in a real browser against the real server and its demo data (issue 15): the demo
// admin reads the municipality report, and the audit log then shows that read; a privacy officer
// signs in, lands on the log and is refused the reports; a person opens the one-time password link
// an admin made and sets a new password. The log and the link's page pass axe in nb and nn.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { DEMO_REPORT_IDS } from '../../src/server/demo/seed-demo-reports';
import type { PasswordResetLink } from '../../src/shared/api/audit';
import { checkBoth, SCREENSHOTS, TABLET } from './support/checks';
import { launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const OFFICER = { username: 'pia.personvern', password: 'personvernombudets passord' };
const NEW_PASSWORD = 'lederens nye passord 2026';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let resetToken: string;

/** The admin's API calls for the setup: a privacy officer account and a password link for the leader. */
async function adminCall<T>(method: 'POST', url: string, payload?: object): Promise<T> {
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: DEMO_LOGINS.admin, password: DEMO_LOGINS.password },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const res = await server.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie, 'x-csrf-token': csrf },
    ...(payload && { payload }),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: TABLET, locale: 'nb-NO' });
  page = await context.newPage();
  await adminCall('POST', '/accounts', {
    username: OFFICER.username,
    displayName: 'Pia Personvern',
    password: OFFICER.password,
    roles: [{ role: 'privacy_officer', unitId: null }],
  });
  resetToken = (await adminCall<PasswordResetLink>('POST', `/accounts/${DEMO_IDS.leader}/password-reset`))
    .token;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function signIn(username: string, password: string) {
  await page.goto(`${server.url}/admin`);
  await h1('Logg inn').waitFor();
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

async function signOut() {
  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
  await h1('Logg inn').waitFor();
}

describe('the audit log', () => {
  it('shows the report the admin just read, and passes axe in nb and nn', async () => {
    await signIn(DEMO_LOGINS.admin, DEMO_LOGINS.password);
    await h1('Svarprosent').waitFor();
    await page.goto(`${server.url}/admin/rapporter/${DEMO_REPORT_IDS.laterRound}/${DEMO_IDS.sector}`);
    await h1('Resultater for Helse og omsorg').waitFor();

    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Revisjonslogg' })
      .click();
    await h1('Revisjonslogg').waitFor();
    const table = page.getByRole('table', { name: 'Oppføringer, nyeste først' });
    const read = table.getByRole('row').filter({ hasText: 'Leste kommunerapporten' });
    await read.first().waitFor();
    expect(await read.first().textContent()).toContain('Helse og omsorg');
    await checkBoth(page, 'audit-log-nb', { noSideScroll: true });

    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await page
      .getByRole('table', { name: 'Oppføringar, nyaste først' })
      .getByText('Las kommunerapporten')
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await checkBoth(page, 'audit-log-nn', { noSideScroll: true });
    await page.getByRole('button', { name: 'Bokmål', exact: true }).click();
    await h1('Revisjonslogg').waitFor();
    await signOut();
  });

  it('is where a privacy officer lands; the reports refuse them', async () => {
    await signIn(OFFICER.username, OFFICER.password);
    await h1('Revisjonslogg').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/revisjonslogg');
    const links = await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link')
      .allTextContents();
    // The settings (read only), the processing record and the log; no reports, plans or codes.
    expect(links).toEqual(['Kommunen', 'Personvern', 'Revisjonslogg']);
    const status = await page.evaluate(async () => (await fetch('/api/v1/reports/rounds')).status);
    expect(status).toBe(403);
    await page.goto(`${server.url}/admin/rapporter`);
    await page.getByRole('alert').first().waitFor();
    await signOut();
  });
});

describe('the one-time password link', () => {
  it('sets a new password once, and passes axe in nb and nn', async () => {
    // A browser of its own: the person opening the link is nobody signed in here before.
    await context.close();
    context = await browser.newContext({ viewport: TABLET, locale: 'nb-NO' });
    page = await context.newPage();
    await page.goto(`${server.url}/nytt-passord/${resetToken}`);
    await h1('Velg nytt passord').waitFor();
    await page.getByLabel('Passord', { exact: true }).waitFor();
    await checkBoth(page, 'password-reset-nb');
    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await h1('Vel nytt passord').waitFor();
    await checkBoth(page, 'password-reset-nn');
    await page.getByRole('button', { name: 'Bokmål', exact: true }).click();
    await h1('Velg nytt passord').waitFor();

    await page.getByLabel('Passord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Gjenta passordet').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await page.getByText(/Det nye passordet er lagret/).waitFor();
    await page.getByRole('link', { name: 'Til innlogging' }).click();
    await h1('Logg inn').waitFor();
    await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.leader);
    await page.getByLabel('Passord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await h1('Mine enheter').waitFor();
  });
});
