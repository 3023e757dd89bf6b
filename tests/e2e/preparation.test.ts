// The round's preparation kit and the public "Dette gjør vi" page in a real browser against the
// real server. The demo leader reads the progress plan (bokmål and nynorsk) and prints the
// employees' poster as A4 and as A3 PDFs, one sheet each; then a phone opens Solbakken's plan (the
// demo's, through a fresh public link the leader makes), reads it in both languages, and reads it
// again offline. axe on every screen at 360 px and at 1280×800; screenshots and PDFs go to
// test-results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { checkBoth, pdfPageCount, PHONE, SCREENSHOTS, TABLET } from './support/checks';
import { openPage, type BrowserPage } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let staff: BrowserPage | undefined;
let phone: BrowserPage | undefined;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  staff = await openPage({ viewport: TABLET });
});

afterAll(async () => {
  await phone?.close();
  await staff?.close();
  await server?.dispose();
});

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** The page size of a Chromium PDF in points, from its first /MediaBox. */
function mediaBox(pdf: Buffer): [number, number] {
  const match = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return [Math.round(Number(match?.[1])), Math.round(Number(match?.[2]))];
}

/** Writes the PDF and a PNG of its first page (pdftoppm) to look at. */
function keep(pdf: Buffer, name: string) {
  const file = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(SCREENSHOTS, name)]);
}

async function leaderApi(app: FastifyInstance) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: DEMO_LOGINS.leader, password: DEMO_LOGINS.password },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  return async <T>(method: 'GET' | 'POST', url: string, status: number): Promise<T> => {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(method === 'POST' && { payload: {} }),
    });
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
}

interface PlanList {
  rounds: { id: string }[];
  units: { unitId: string; plan: { id: string } | null }[];
}

/** A fresh public link to Solbakken's demo plan, made the way the leader's button makes it. */
async function solbakkenToken(): Promise<string> {
  const api = await leaderApi(server.app);
  const { rounds } = await api<PlanList>('GET', '/plans', 200);
  for (const round of rounds) {
    const list = await api<PlanList>('GET', `/plans?roundId=${encodeURIComponent(round.id)}`, 200);
    const plan = list.units.find((u) => u.unitId === DEMO_IDS.unit)?.plan;
    if (plan) return (await api<{ token: string }>('POST', `/plans/${plan.id}/public-link`, 201)).token;
  }
  throw new Error('The demo holds no plan for Solbakken');
}

describe('the preparation kit', () => {
  it('shows the demo leader the progress plan, in bokmål and nynorsk', async () => {
    const page = staff!.page;
    await page.goto(`${server.url}/admin/logg-inn`);
    await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.leader);
    await page.getByLabel('Passord').fill(DEMO_LOGINS.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Forberedelse' })
      .click();
    await h1(page, 'Forberedelse').waitFor();
    await page.getByRole('combobox', { name: 'Runde' }).selectOption(DEMO_IDS.round);
    await page.getByText('Analysesamling', { exact: true }).first().waitFor();
    expect(await page.locator('.phase-list > li').count()).toBe(7);
    await checkBoth(page, 'preparation-nb', { noSideScroll: true });

    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await h1(page, 'Førebuing').waitFor();
    await checkBoth(page, 'preparation-nn', { noSideScroll: true });
    await page.getByRole('button', { name: 'Bokmål', exact: true }).click();
    await h1(page, 'Forberedelse').waitFor();
  });

  it('prints the employees’ poster on one A4 sheet and on one A3 sheet', async () => {
    const page = staff!.page;
    await page.goto(`${server.url}/admin/forberedelse/${DEMO_IDS.round}/plakat`);
    const poster = page.getByRole('article', { name: 'Vi trenger svaret ditt' });
    await poster.waitFor();
    expect(await poster.locator('.poster__factors li').count()).toBe(10);
    await poster.getByRole('img', { name: /^QR-kode til undersøkelsen/ }).waitFor();
    await checkBoth(page, 'poster', { noSideScroll: true });
    // The screen around it follows the reader's language; the poster stays in the round's.
    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await page.getByRole('button', { name: 'Skriv ut' }).waitFor();
    await page.getByRole('group', { name: 'Papirstorleik' }).waitFor();
    await poster.waitFor();
    await checkBoth(page, 'poster-nn', { noSideScroll: true });
    await page.getByRole('button', { name: 'Bokmål', exact: true }).click();

    const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    keep(a4, 'poster-a4');
    expect(pdfPageCount(a4)).toBe(1);
    expect(mediaBox(a4)).toEqual([595, 842]);

    await page.getByRole('radio', { name: 'A3' }).check();
    await page.waitForURL(/format=a3/);
    const a3 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    keep(a3, 'poster-a3');
    expect(pdfPageCount(a3)).toBe(1);
    expect(mediaBox(a3)).toEqual([842, 1191]);
  });
});

describe('"Dette gjør vi" on a phone', () => {
  let token: string;
  beforeAll(async () => {
    token = await solbakkenToken();
    phone = await openPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  });

  it('opens the unit’s link and shows the plan, in bokmål and nynorsk', async () => {
    const page = phone!.page;
    await page.goto(`${server.url}/dette-gjor-vi/${token}`);
    await h1(page, 'Dette gjør vi').waitFor();
    await page.getByText('Solbakken sykehjem', { exact: false }).first().waitFor();
    expect(await page.locator('.focus-factor').count()).toBe(2);
    expect(await page.locator('.measure').count()).toBe(3);
    await checkBoth(page, 'plan-nb', { noSideScroll: true });

    await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
    await h1(page, 'Dette gjer vi').waitFor();
    await checkBoth(page, 'plan-nn', { noSideScroll: true });
    await page.setViewportSize(PHONE);
  });

  it('is readable again offline once it has been opened', async () => {
    const page = phone!.page;
    // The first visit installs the service worker; a load under its control keeps the plan's reply.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('.focus-factor').first().waitFor();
    await page.reload();
    await page.locator('.focus-factor').first().waitFor();

    // What the service worker holds: the public plan's reply in its own cache, no API reply besides,
    // and none of the staff app's code or texts.
    const cached = await page.evaluate(async () => {
      const out: Record<string, string[]> = {};
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname);
      }
      return out;
    });
    expect(cached['public-plans']).toEqual([`/api/v1/plans/public/${token}`]);
    const everything = Object.values(cached).flat();
    expect(everything.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/v1/plans/public/'))).toEqual(
      [],
    );
    expect(
      everything.filter((p) => /\/assets\/(StaffRoutes|admin|reports|preparation|followup)-/.test(p)),
    ).toEqual([]);

    await phone!.context.setOffline(true);
    await page.reload();
    await page.locator('.focus-factor').first().waitFor();
    expect(await page.locator('.measure').count()).toBe(3);
    await page
      .getByText(/uten nett|utan nett/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'plan-offline-360.png'), fullPage: true });
    await phone!.context.setOffline(false);
  });

  it('prints the staff-room poster on one A4 sheet', async () => {
    const page = phone!.page;
    await page.goto(`${server.url}/dette-gjor-vi/${token}/plakat`);
    await page.getByRole('article').waitFor();
    await page.getByRole('img', { name: /Solbakken sykehjem/ }).waitFor();
    await checkBoth(page, 'plan-poster', { noSideScroll: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    keep(pdf, 'plan-poster-a4');
    expect(pdfPageCount(pdf)).toBe(1);
  });
});
