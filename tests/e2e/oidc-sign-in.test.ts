// Sign-in with the municipality's identity provider in Chromium against the real server and a
// real OpenID Connect provider in this process (Entra-style claims: tid, oid, app roles): the
// admin sets the provider and maps an app role through the API, the login page shows the button,
// the person signs in on the provider's own page and lands on /admin signed in with the mapped
// role. axe finds nothing on the login page with the button (and a refusal) nor on the admin's
// sign-in screen, in bokmål and nynorsk.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { LANGUAGE_CHOICE_KEY } from '../../src/app/i18n/language-choice';
import { startTestIdp, type TestIdp } from '../server/support/oidc-provider';
import { axeViolations, describeViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let idp: TestIdp;
let browser: Browser;

async function adminSession() {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: DEMO_LOGINS.admin, password: DEMO_LOGINS.password },
  });
  if (res.statusCode !== 200) throw new Error(`demo login: ${res.statusCode}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

async function put(url: string, payload: object) {
  const res = await server.app.inject({ method: 'PUT', url, headers: await adminSession(), payload });
  if (res.statusCode !== 200) throw new Error(`PUT ${url}: ${res.statusCode} ${res.body}`);
}

beforeAll(async () => {
  server = await startTestServer();
  // On localhost, the app on 127.0.0.1: another site, as Entra ID is, so the SameSite rules of the
  // state cookie (Lax) and the session cookie (Strict) meet the cross-site redirect back.
  idp = await startTestIdp({
    redirectUris: [`${server.url}/api/v1/auth/oidc/callback`],
    hostname: 'localhost',
  });
  idp.users.set('kari', { oid: 'oid-kari-e2e', name: 'Kari Entra', roles: ['Tifaktor.Admin'] });
  await put('/api/v1/municipality/oidc', {
    issuer: idp.issuer,
    clientId: idp.clientId,
    secret: { source: 'stored', value: idp.clientSecret },
    tenantId: idp.tenantId,
    enabled: true,
  });
  await put('/api/v1/municipality/oidc/role-mappings', {
    mappings: [{ claim: 'roles', value: 'Tifaktor.Admin', role: 'admin', unitId: null }],
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await idp?.stop();
});

async function pageIn(language: 'nb' | 'nn'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nb-NO' });
  await context.addInitScript(
    ([key, value]) => window.localStorage.setItem(key!, value!),
    [LANGUAGE_CHOICE_KEY, language],
  );
  return context.newPage();
}

async function expectNoAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${describeViolations(violations)}`).toEqual([]);
}

describe('sign-in with the municipality account', () => {
  it('signs in on the provider’s page and lands on /admin with the mapped role', async () => {
    const page = await pageIn('nb');
    await page.goto(`${server.url}/admin/logg-inn`);
    const button = page.getByRole('link', { name: /^Logg inn med kontoen din i / });
    await button.waitFor();
    await expectNoAxeViolations(page, 'login page with the button (nb)');
    await button.click();
    // The provider's own development login form.
    await page.locator('input[name="login"]').fill('kari');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${server.url}/admin`);
    const nav = page.getByRole('navigation', { name: 'Administrasjon' });
    await nav.getByRole('link', { name: 'Innlogging' }).waitFor();
    const me = await page.evaluate(
      async () => (await (await fetch('/api/v1/auth/me')).json()) as { user: { displayName: string } },
    );
    expect(me.user).toMatchObject({
      displayName: 'Kari Entra',
      roles: [{ role: 'admin', unitId: null }],
    });

    await nav.getByRole('link', { name: 'Innlogging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innlogging' }).waitFor();
    await page.getByLabel('Utsteder (issuer)').waitFor();
    await page.getByLabel('Verdi hos tjenesten').waitFor();
    await expectNoAxeViolations(page, 'the sign-in settings (nb)');
    await page.context().close();
  });

  it('passes axe in nynorsk on the login page with a refusal and on the sign-in settings', async () => {
    const page = await pageIn('nn');
    await page.goto(`${server.url}/admin/logg-inn?feil=OIDC_PROVIDER_UNAVAILABLE`);
    await page
      .getByRole('alert')
      .getByText('Innloggingstenesta til kommunen svarte ikkje.', { exact: false })
      .waitFor();
    await page.getByRole('link', { name: /^Logg inn med kontoen din i / }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nn');
    await expectNoAxeViolations(page, 'login page with a refusal (nn)');

    await page.getByRole('link', { name: /^Logg inn med kontoen din i / }).click();
    await page.locator('input[name="login"]').fill('kari');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.goto(`${server.url}/admin/innlogging`);
    await page.getByRole('heading', { level: 1, name: 'Innlogging' }).waitFor();
    await page.getByLabel('Verdi hos tenesta').waitFor();
    await expectNoAxeViolations(page, 'the sign-in settings (nn)');
    await page.context().close();
  });
});
