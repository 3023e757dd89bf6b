// The follow-up plan in a real browser against the real server (issue 12). HR runs a round for
// "Helse og omsorg" through the API and publishes it. The demo leader of Solbakken sykehjem opens
// the report, starts the unit's plan and builds it in the screens: two focus factors (one to keep
// up, one to improve), a goal each, three measures with owners and deadlines. The unit's safety
// rep signs in and marks the plan as seen (which records the consultation); the leader agrees it
// and records a quarterly review. HR sees the unit counted in the follow-up overview. The plan
// prints as an A4 PDF. axe on every screen at 1280×800 and 360 px, in bokmål and nynorsk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { DEMO_REPORT_IDS } from '../../src/server/demo/seed-demo-reports';
import type { AdminRound } from '../../src/shared/api/organisation';
import { addDays, osloDate } from '../../src/shared/dates';
import { openPage, type BrowserPage } from './support/browser';
import {
  checkBoth,
  expectNoAxeViolations,
  pdfPageCount,
  printPageBoxes,
  SCREENSHOTS,
  TABLET,
} from './support/checks';
import { startTestServer, type TestServer } from './support/server';
import { demoAdminApi, publishSectorRound } from './support/staff-api';

const ROUND_NAME = 'Oppfølgingsprøve 2026';
const SAFETY_REP = { username: 'verneombud-solbakken', password: 'verneombud-passord-2026' };

let server: TestServer;
let browser: BrowserPage;
let page: Page;
let round: AdminRound;

/** A round for the sector, answered in three units, closed and published. */
async function runRound() {
  const api = await demoAdminApi(server.app);
  const published = await publishSectorRound(server.app, api, ROUND_NAME, [
    [DEMO_REPORT_IDS.avdeling1, 6, 4],
    [DEMO_IDS.department, 6, 3],
    [DEMO_REPORT_IDS.heimly, 5, 5],
  ]);
  // Solbakken's safety rep, who marks the plan as seen.
  await api(
    'POST',
    '/accounts',
    {
      username: SAFETY_REP.username,
      displayName: 'Verneombud Solbakken',
      password: SAFETY_REP.password,
      roles: [{ role: 'safety_rep', unitId: DEMO_IDS.unit }],
    },
    201,
  );
  return published;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  round = await runRound();
  browser = await openPage({ viewport: TABLET, acceptDownloads: true });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const saved = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

async function signIn(username: string, password: string) {
  await page.goto(`${server.url}/admin/logg-inn`);
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(password);
  await button('Logg inn').click();
  await page.getByRole('navigation', { name: 'Administrasjon' }).waitFor();
}

async function signOut() {
  await button('Logg ut').click();
  await h1('Logg inn').waitFor();
}

async function openPlanFromList() {
  await page
    .getByRole('navigation', { name: 'Administrasjon' })
    .getByRole('link', { name: 'Oppfølging' })
    .click();
  await h1('Oppfølging').waitFor();
  const select = page.getByLabel('Runde');
  if (await select.count()) await select.selectOption({ label: ROUND_NAME });
  await page.getByRole('link', { name: 'Solbakken sykehjem', exact: true }).click();
  await h1('Oppfølgingsplan for Solbakken sykehjem').waitFor();
}

async function addFocus(factor: string, factorId: string, kind: RegExp, why: string) {
  await button('Velg en fokusfaktor').click();
  await page.getByLabel('Faktor', { exact: true }).selectOption(factorId);
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('Hvorfor valgte dere den?').fill(why);
  await button('Legg til faktoren').click();
  await saved(`${factor} er lagt til som fokusfaktor.`);
}

async function addGoal(factor: string, text: string, know: string) {
  const card = page.getByRole('article', { name: factor });
  await card.getByRole('button', { name: `Legg til mål for ${factor}` }).click();
  await card.getByLabel('Dette vil vi se').fill(text);
  await card.getByLabel('Slik vet vi at vi lykkes').fill(know);
  await card.getByRole('button', { name: 'Lagre målet' }).click();
  await card.getByText(text, { exact: true }).waitFor();
}

async function addMeasure(factor: string, text: string, deadline: string, role?: string) {
  const card = page.getByRole('article', { name: factor });
  await card.getByRole('button', { name: `Legg til tiltak for ${factor}` }).click();
  await card.getByLabel('Tiltak', { exact: true }).fill(text);
  if (role) {
    await card.getByRole('radio', { name: /^En rolle/ }).check();
    await card.getByLabel('Rolle', { exact: true }).fill(role);
  }
  await card.getByLabel('Frist').fill(deadline);
  await card.getByRole('button', { name: 'Legg til tiltaket' }).click();
  await card.getByText(text, { exact: true }).waitFor();
}

describe('a follow-up plan from report to review', () => {
  it('the demo leader opens the published report and starts the plan', async () => {
    expect(round.status).toBe('published');
    await signIn(DEMO_LOGINS.leader, DEMO_LOGINS.password);
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Rapporter' })
      .click();
    await page
      .getByRole('listitem', { name: ROUND_NAME })
      .getByRole('link', { name: 'Solbakken sykehjem' })
      .click();
    await h1('Resultater for Solbakken sykehjem').waitFor();
    await page.getByRole('link', { name: 'Oppfølgingsplan' }).click();
    await h1('Ny oppfølgingsplan for Solbakken sykehjem').waitFor();
    // The demo's plan of the round before is offered to continue: this test starts afresh. Wait
    // for the offer first: all() does not wait, and under load it found no radio yet, so the
    // plan carried both factors over and had no room for a new one.
    await page.getByRole('radio', { name: 'Velg en ny faktor i stedet' }).first().waitFor();
    for (const fresh of await page.getByRole('radio', { name: 'Velg en ny faktor i stedet' }).all())
      await fresh.check();
    await checkBoth(page, 'followup-start', { noSideScroll: true });
    await button('Lag utkast til plan').click();
    await h1('Oppfølgingsplan for Solbakken sykehjem').waitFor();
    await page.getByText('Planen handler om enheten, aldri om én person').waitFor();
  });

  it('chooses two factors, one to keep and one to improve, with goals and three measures', async () => {
    await addFocus(
      'Mestringsklima',
      'mestringsklima',
      /^Videreføre/,
      'Vi deler kunnskap og hjelper hverandre.',
    );
    await addFocus(
      'Rolleklarhet',
      'rolleklarhet',
      /^Innsatsområde/,
      'Det er uklart hvem som gjør hva på kveld.',
    );
    const keep = page.getByRole('article', { name: 'Mestringsklima' });
    // The unit's figure from the report: (6×4 + 6×3) / 12 = 3,5.
    await keep.getByText('3,5', { exact: true }).waitFor();
    await addGoal(
      'Mestringsklima',
      'Vi lærer av hverandre på hvert personalmøte.',
      'Ett fast erfaringspunkt i referatet.',
    );
    await addGoal(
      'Rolleklarhet',
      'Alle vet hvem som har ansvaret på kveldsvakten.',
      'Ingen glemte oppgaver på tre vaktmøter.',
    );
    const today = osloDate();
    await addMeasure('Mestringsklima', 'Fast erfaringsdeling på personalmøtet', addDays(today, 30));
    await addMeasure(
      'Mestringsklima',
      'Fadderordning for nye',
      addDays(today, 60),
      'fagutviklingssykepleier',
    );
    await addMeasure(
      'Rolleklarhet',
      'Tavle med ansvar per vakt',
      addDays(today, 45),
      'ordstyrer for personalmøtet',
    );
    await page.getByText('Ansvar: Kari Nordmann').count();
    const steps = page.getByRole('region', { name: 'Planens steg' });
    await steps.getByText('Før inn når verneombudet ble tatt med på råd.').waitFor();
    expect(await steps.getByRole('button', { name: 'Marker planen som avtalt' }).isDisabled()).toBe(true);
    await checkBoth(page, 'followup-draft', { noSideScroll: true });
  });

  it("the unit's safety rep reads the plan and marks it as seen", async () => {
    await signOut();
    await signIn(SAFETY_REP.username, SAFETY_REP.password);
    await openPlanFromList();
    // Read-only: no editing buttons for the rep.
    expect(await button('Velg en fokusfaktor').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Legg til tiltak/ }).count()).toBe(0);
    const rep = page.getByRole('group', { name: 'Verneombud' });
    await checkBoth(page, 'followup-rep', { noSideScroll: true });
    await rep.getByRole('button', { name: 'Marker planen som sett' }).click();
    await saved('Planen er markert som sett.');
    await rep.getByText(/^Sett av Verneombud Solbakken/).waitFor();
  });

  it('the leader agrees the plan and records a quarterly review', async () => {
    await signOut();
    await signIn(DEMO_LOGINS.leader, DEMO_LOGINS.password);
    await openPlanFromList();
    const steps = page.getByRole('region', { name: 'Planens steg' });
    await steps.getByRole('button', { name: 'Marker planen som avtalt' }).click();
    await steps.getByRole('button', { name: 'Ja, gjør det' }).click();
    await saved('Planen er avtalt.');
    await page.getByText(/^Neste gjennomgang: /).waitFor();

    await button('Før inn en gjennomgang').click();
    await page
      .getByRole('group', { name: 'Tavle med ansvar per vakt' })
      .getByRole('radio', { name: 'Juster' })
      .check();
    await page.getByLabel('Hva har skjedd?').fill('Erfaringsdelingen er i gang; tavla må bli enklere.');
    await button('Lagre gjennomgangen').click();
    await saved('Gjennomgangen er lagret.');
    await page.getByText('Erfaringsdelingen er i gang; tavla må bli enklere.').waitFor();
    await page.locator('.plan-meta').getByText('I gang').waitFor();
    await checkBoth(page, 'followup-nb', { noSideScroll: true });

    await button('Nynorsk').click();
    await h1('Oppfølgingsplan for Solbakken sykehjem').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fokusfaktorar' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await checkBoth(page, 'followup-nn', { noSideScroll: true });
    await button('Bokmål').click();
    await page.getByRole('heading', { level: 2, name: 'Fokusfaktorer' }).waitFor();
  });

  it('prints the plan as an A4 PDF with the running header and page numbers', async () => {
    await page.getByRole('link', { name: 'Skriv ut / lagre som PDF' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mestringsklima: Videreføre' }).waitFor();
    await expectNoAxeViolations(page, 'plan print view');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(SCREENSHOTS, 'followup-plan-print.pdf'), pdf);
    // The facts and the two focus factors with their goals and measures, then the review.
    expect(pdfPageCount(pdf)).toBe(2);
    const boxes = await printPageBoxes(page);
    expect(boxes).toContain(`content: "Solbakken sykehjem · ${ROUND_NAME} · oppfølgingsplan"`);
    expect(boxes).toMatch(/content: "side " counter\(page\) " av " counter\(pages\)/);
  });

  it('HR sees Solbakken counted in the follow-up overview', async () => {
    await signOut();
    await signIn(DEMO_LOGINS.admin, DEMO_LOGINS.password);
    await page.goto(`${server.url}/admin/oppfolging/oversikt`);
    await h1('Oppfølging i kommunen').waitFor();
    await page.getByLabel('Runde').selectOption({ label: ROUND_NAME });
    const table = page.getByRole('table', { name: 'Enhetene' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Solbakken sykehjem' }) });
    await row.getByRole('cell', { name: 'I gang' }).waitFor();
    await page.getByText(/^1 av \d+$/).waitFor();
    const factors = page.getByRole('table', { name: 'Antall planer som har valgt hver faktor' });
    const cells = (name: string) =>
      factors
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name }) })
        .getByRole('cell')
        .allTextContents();
    expect(await cells('Mestringsklima')).toEqual(['1', '0']);
    expect(await cells('Rolleklarhet')).toEqual(['0', '1']);
    await checkBoth(page, 'followup-overview', { noSideScroll: true });
  });
});
