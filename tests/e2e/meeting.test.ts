// The analysis meeting in a real browser against the real server (issue 13). HR runs a round for
// "Helse og omsorg" through the API and publishes it. The demo leader of Solbakken sykehjem opens
// the unit's report, starts an analysis meeting and shows the presenter view (1920×1080). Three
// phones (separate browser contexts) join: two by the QR link, one by typing the short code. In
// the strengths round each phone writes; the presenter sees only a count. One phone loses the
// network mid-phase, writes anyway, and its note arrives once when it is back. The leader reveals,
// the phones vote with dots, the leader saves one factor to keep and one to improve, and the
// unit's draft plan holds them; approving the summary deletes the contributions. Then a one-device
// meeting for Solbakken avdeling 1 runs the same way on one tablet. axe on every screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_LOGINS } from '../../src/server/demo/seed-demo';
import { DEMO_REPORT_IDS } from '../../src/server/demo/seed-demo-reports';
import type { MeetingLeaderView } from '../../src/shared/api/meetings';
import type { AdminRound } from '../../src/shared/api/organisation';
import type { Plan } from '../../src/shared/api/plans';
import { launchBrowser, newPhonePage } from './support/browser';
import { expectNoAxeViolations, SCREENSHOTS, TABLET } from './support/checks';
import { tabThrough, weakStops } from './support/focus';
import { startTestServer, type TestServer } from './support/server';
import { demoAdminApi, publishSectorRound } from './support/staff-api';

const ROUND_NAME = 'Møteprøve 2026';
const ROOM = { width: 1920, height: 1080 };

let server: TestServer;
let browser: Browser;
let leaderContext: BrowserContext;
let screen: Page;
let round: AdminRound;
let api: Awaited<ReturnType<typeof demoAdminApi>>;
const phones: Page[] = [];
const phoneContexts: BrowserContext[] = [];
let meetingId = '';

/** A round for the sector, answered in Solbakken's two departments and Heimly, then published. */
const runRound = () =>
  publishSectorRound(
    server.app,
    api,
    ROUND_NAME,
    [
      [DEMO_REPORT_IDS.avdeling1, 6, 4],
      [DEMO_IDS.department, 6, 3],
      [DEMO_REPORT_IDS.heimly, 5, 5],
    ],
    { spread: true },
  );

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startTestServer();
  api = await demoAdminApi(server.app);
  round = await runRound();
  browser = await launchBrowser();
  leaderContext = await browser.newContext({ viewport: ROOM, locale: 'nb-NO' });
  screen = await leaderContext.newPage();
});

afterAll(async () => {
  for (const context of phoneContexts) await context.close();
  await leaderContext?.close();
  await browser?.close();
  await server?.dispose();
});

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The leader's view as the server gives it (the code and the QR link's token). */
const leaderView = (id: string) => api<MeetingLeaderView>('GET', `/meetings/${id}`);

async function signIn(page: Page) {
  await page.goto(`${server.url}/admin/logg-inn`);
  await page.getByLabel('Brukernavn').fill(DEMO_LOGINS.leader);
  await page.getByLabel('Passord').fill(DEMO_LOGINS.password);
  await button(page, 'Logg inn').click();
  await page.getByRole('navigation', { name: 'Administrasjon' }).waitFor();
}

/** From the unit's report to the start form of its meetings. */
async function openUnitMeetings(page: Page, unit: string) {
  await page.goto(`${server.url}/admin/rapporter/${round.id}/${unit}`);
  await page.getByRole('heading', { level: 1, name: /^Resultater for/ }).waitFor();
  await page.getByRole('link', { name: 'Møter med de ansatte' }).click();
  await page.getByRole('heading', { level: 1, name: /^Møter for/ }).waitFor();
}

/** Starts an analysis meeting over two candidate factors and waits for the presenter view. */
async function startAnalysis(page: Page, options: { oneDevice: boolean }) {
  await page.getByRole('radio', { name: /^Analysemøte/ }).check();
  const factors = page.getByRole('group', { name: 'Faktorer å drøfte' });
  for (const box of await factors.getByRole('checkbox').all()) await box.uncheck();
  for (const factor of ['Mestringsklima', 'Autonomi'])
    await factors.getByRole('checkbox', { name: factor, exact: true }).check();
  await page.getByLabel('Antall grupper').fill('1');
  if (options.oneDevice) await page.getByRole('checkbox', { name: /^Ett felles nettbrett/ }).check();
  await button(page, 'Start møtet').click();
  await page.getByRole('heading', { level: 1, name: 'Analysemøte' }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop();
  expect(id).toBeTruthy();
  return id!;
}

/** Clicks the presenter's forward button until the step or phase heading shows `heading`. */
async function forwardTo(page: Page, heading: string | RegExp, max = 12) {
  for (let i = 0; i < max; i++) {
    if (await page.getByRole('heading', { name: heading }).first().isVisible()) return;
    await page
      .getByRole('navigation', { name: 'Steg i møtet' })
      .getByRole('button', { name: /^Neste/ })
      .click();
    await page.waitForTimeout(150);
  }
  await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: 2_000 });
}

/** Presses Tab until the focused control is the button `name`, then Enter: the keyboard alone. */
async function pressByKeyboard(page: Page, name: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`no control "${name}" reached by Tab`);
}

const countText = (page: Page) => page.getByText(/\d+ bidrag skrevet/);

describe('an analysis meeting with three phones', () => {
  it('the leader starts it from the unit report and shows the presenter view', async () => {
    expect(round.status).toBe('published');
    await signIn(screen);
    await openUnitMeetings(screen, DEMO_IDS.unit);
    await expectNoAxeViolations(screen, 'meeting start');
    meetingId = await startAnalysis(screen, { oneDevice: false });
    await screen.getByText(/^Bli med fra telefonen/).waitFor();
    await expectNoAxeViolations(screen, 'presenter join');
  });

  it('three phones join: two by the QR link, one by typing the code', async () => {
    const view = await leaderView(meetingId);
    expect(view.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(view.joinToken).toBeTruthy();
    // The code the screen shows is the one the server gives.
    await screen.getByText(view.code!.slice(0, 4)).first().waitFor();
    for (let i = 0; i < 3; i++) {
      const { context, page } = await newPhonePage(browser);
      phoneContexts.push(context);
      phones.push(page);
      if (i < 2) {
        await page.goto(`${server.url}/mote#${view.joinToken}`);
      } else {
        await page.goto(`${server.url}/mote`);
        await page
          .getByLabel('Møtekode')
          .fill(`${view.code!.slice(0, 4).toLowerCase()} ${view.code!.slice(4)}`);
        await button(page, 'Bli med').click();
      }
      await page.getByRole('heading', { level: 1, name: 'Analysemøte' }).waitFor();
      // The token does not stay in the address bar.
      expect(new URL(page.url()).hash).toBe('');
    }
    await screen.getByText('3 deltakere er med').waitFor();
    await expectNoAxeViolations(phones[0]!, 'phone joined');
  });

  it('in the strengths round the phones write, and the screen shows only a count', async () => {
    // The results, one factor at a time, from the report's own figures.
    await forwardTo(screen, /^Resultatet for /);
    await screen.getByText('Faktor 1 av 10').waitFor();
    await button(screen, 'Neste faktor').click();
    await screen.getByText('Faktor 2 av 10').waitFor();
    await expectNoAxeViolations(screen, 'presenter results');
    await shoot(screen, 'meeting-presenter-results-1920');
    await forwardTo(screen, 'Hva er styrkene våre?');
    await button(screen, /^Start (runden|tiden)$/).click();
    await screen.getByRole('heading', { name: 'Hver for seg' }).first().waitFor();
    const [a, b, c] = phones as [Page, Page, Page];
    await a.getByRole('heading', { name: 'Hva er styrkene våre?' }).waitFor();
    await expectNoAxeViolations(a, 'phone writing');
    await a.screenshot({ path: join(SCREENSHOTS, 'meeting-phone-360.png'), fullPage: true });
    // Every control of the phone's writing screen shows its focus ring (the send button too).
    await a.getByLabel('Din tanke').fill('Utkast');
    const phoneStops = await tabThrough(a, 30);
    expect(phoneStops.map((stop) => stop.what).join(' | ')).toContain('Send');
    expect(weakStops(phoneStops)).toEqual([]);
    // The second phone reads the meeting in nynorsk.
    await b.getByRole('button', { name: 'Nynorsk' }).click();
    await b.getByRole('heading', { name: 'Kva er styrkane våre?' }).waitFor();
    await expectNoAxeViolations(b, 'phone writing (nn)');
    for (const [page, text] of [
      [a, 'Vi hjelper hverandre på travle vakter'],
      [b, 'God humor i pausene'],
      [a, 'Vi lærer av hverandre'],
    ] as const) {
      await page.getByLabel(/^(Din tanke|Tanken din)$/).fill(text);
      await button(page, 'Send').click();
      await page
        .getByTestId('outbox-status')
        .filter({ hasText: /^Sendt/ })
        .waitFor();
    }
    await countText(screen).filter({ hasText: '3 bidrag skrevet' }).waitFor();
    // Before the reveal no text is on the screen, nor in anything it was sent.
    const shown = await screen.locator('body').innerText();
    expect(shown).not.toContain('hjelper hverandre');
    expect(shown).not.toContain('humor');

    // The third phone drops off the network, writes, and is told the truth.
    await phoneContexts[2]!.setOffline(true);
    await c.getByLabel('Din tanke').fill('Trygge rammer for nye kolleger');
    await button(c, 'Send').click();
    await c
      .getByTestId('outbox-status')
      .filter({ hasText: /ikke sendt ennå/ })
      .waitFor();
    await phoneContexts[2]!.setOffline(false);
    await c
      .getByTestId('outbox-status')
      .filter({ hasText: /^Sendt/ })
      .waitFor({ timeout: 30_000 });
    await countText(screen).filter({ hasText: '4 bidrag skrevet' }).waitFor();
    await screen.setViewportSize(ROOM);
    await shoot(screen, 'meeting-presenter-1920');
  });

  it('the leader reveals: the texts come without author, the offline one once', async () => {
    await button(screen, 'Vis bidragene').click();
    const board = screen.getByRole('region', { name: 'Bidragene, i tilfeldig rekkefølge' });
    await board.getByText('Trygge rammer for nye kolleger').waitFor();
    // Each text once (the offline one too), and nothing that says who wrote it.
    const items = await board.getByRole('listitem').allInnerTexts();
    expect(items.map((text) => text.trim()).sort()).toEqual([
      'God humor i pausene',
      'Trygge rammer for nye kolleger',
      'Vi hjelper hverandre på travle vakter',
      'Vi lærer av hverandre',
    ]);
    await phones[0]!.getByText('God humor i pausene').waitFor();
    await expectNoAxeViolations(screen, 'presenter revealed');
    // What axe cannot see: every control of the room's screen shows a focus ring of 3:1 or more.
    const stops = await tabThrough(screen, 60);
    expect(stops.length).toBeGreaterThan(8);
    expect(weakStops(stops)).toEqual([]);
    await shoot(screen, 'meeting-presenter-revealed-1920');
  });

  it('the phones vote with dots and the leader saves one factor to keep and one to improve', async () => {
    await forwardTo(screen, /Avstemning med prikker/, 20);
    for (const [index, factor] of [
      [0, 'Mestringsklima'],
      [1, 'Meistringsklima'],
      [2, 'Autonomi'],
    ] as const) {
      const page = phones[index]!;
      // The second phone still reads nynorsk.
      const nn = index === 1;
      await button(page, `${nn ? 'Gje éin' : 'Gi én'} prikk til ${factor}`).click();
      await button(page, 'Legg 1 prikk').click();
      await page.getByText(nn ? 'Prikkane dine er lagde.' : 'Prikkene dine er lagt.').waitFor();
    }
    await screen.getByText('3 har stemt').waitFor();
    await expectNoAxeViolations(phones[2]!, 'phone voted');
    await forwardTo(screen, /Fokusfaktorene/);
    await screen.getByLabel('Faktor å holde på').selectOption({ label: 'Mestringsklima' });
    await screen.getByLabel('Faktor å forbedre').selectOption({ label: 'Autonomi' });
    await button(screen, 'Lagre fokusfaktorene i planen').click();
    await screen.getByText('Lagret i planen: holde på Mestringsklima, forbedre Autonomi.').waitFor();
    await expectNoAxeViolations(screen, 'presenter focus');

    const view = await leaderView(meetingId);
    expect(view.snapshot.planId).toBeTruthy();
    const plan = await api<Plan>('GET', `/plans/${view.snapshot.planId}`);
    expect(plan.status).toBe('draft');
    expect(plan.unitId).toBe(DEMO_IDS.unit);
    const focus = plan.focusFactors.map((f) => [f.factorId, f.kind]).sort();
    expect(focus).toEqual([
      ['autonomi', 'improve'],
      ['mestringsklima', 'keep'],
    ]);
  });

  it('approving the summary closes the meeting: the phones are told, the contributions are gone', async () => {
    await forwardTo(screen, /Oppsummering/);
    await screen
      .getByLabel('Oppsummering av møtet')
      .fill('Vi holder på mestringsklimaet og jobber med autonomi.');
    await button(screen, 'Godkjenn oppsummeringen').click();
    await button(screen, 'Godkjenn og slett bidragene').click();
    await screen.getByText('Oppsummeringen er godkjent, og bidragene er slettet.').waitFor();
    for (const page of phones) await page.getByRole('heading', { level: 1, name: 'Møtet er over' }).waitFor();
    await expectNoAxeViolations(phones[0]!, 'phone closed');
    const view = await leaderView(meetingId);
    expect(view.snapshot.state).toBe('closed');
    expect(view.code).toBeNull();
    expect(view.snapshot.contributions).toEqual([]);
    expect(view.snapshot.summary).toContain('autonomi');
  });
});

describe('a one-device meeting on one tablet', () => {
  it('the secretary types for the group, the leader reveals and saves the focus into the plan', async () => {
    await screen.setViewportSize(TABLET);
    await openUnitMeetings(screen, DEMO_REPORT_IDS.avdeling1);
    const id = await startAnalysis(screen, { oneDevice: true });
    await forwardTo(screen, 'Hva er styrkene våre?');
    await button(screen, /^Start (runden|tiden)$/).click();
    await screen.getByRole('heading', { name: 'Skriv for gruppene' }).waitFor();
    // The same screen in nynorsk: axe and a look, then back to bokmål.
    await button(screen, 'Nynorsk').click();
    await screen.getByRole('heading', { name: 'Kva er styrkane våre?' }).waitFor();
    await expectNoAxeViolations(screen, 'one-device writing (nn)');
    await shoot(screen, 'meeting-one-device-nn-1280');
    await button(screen, 'Bokmål').click();
    await screen.getByRole('heading', { name: 'Skriv for gruppene' }).waitFor();
    for (const text of ['Vi stiller opp for hverandre', 'Korte veier til leder']) {
      await screen.getByLabel('Bidrag fra gruppe 1').fill(text);
      await button(screen, 'Send for gruppe 1').click();
      await screen.getByText(/bidrag sendt fra gruppen/).waitFor();
    }
    await countText(screen).filter({ hasText: '2 bidrag skrevet' }).waitFor();
    expect(await screen.locator('body').innerText()).not.toContain('Korte veier');
    await expectNoAxeViolations(screen, 'one-device writing');
    expect(weakStops(await tabThrough(screen, 60))).toEqual([]);
    // The leader reveals with the keyboard alone.
    await pressByKeyboard(screen, 'Vis bidragene');
    await screen
      .getByRole('region', { name: 'Bidragene, i tilfeldig rekkefølge' })
      .getByText('Korte veier til leder', { exact: true })
      .waitFor();
    await forwardTo(screen, /Fokusfaktorene/, 20);
    await screen.getByLabel('Faktor å holde på').selectOption({ label: 'Autonomi' });
    await screen.getByLabel('Faktor å forbedre').selectOption({ label: 'Mestringsklima' });
    await button(screen, 'Lagre fokusfaktorene i planen').click();
    await screen.getByText('Lagret i planen: holde på Autonomi, forbedre Mestringsklima.').waitFor();
    await expectNoAxeViolations(screen, 'one-device focus');
    const view = await leaderView(id);
    const plan = await api<Plan>('GET', `/plans/${view.snapshot.planId}`);
    expect(plan.unitId).toBe(DEMO_REPORT_IDS.avdeling1);
    expect(plan.focusFactors.map((f) => [f.factorId, f.kind]).sort()).toEqual([
      ['autonomi', 'keep'],
      ['mestringsklima', 'improve'],
    ]);
  });
});
