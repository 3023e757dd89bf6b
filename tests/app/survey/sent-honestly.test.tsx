// The device never says "sent" for an answer the server did not take: the thank-you screen follows
// the answer from "waiting" to "sent" (accepted or duplicate) or to the reason it was refused, in
// the person's language and with what to do; the start screen never says "all sent" beside a
// refusal, and shows staff the sync problems as counts and reasons.
import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAnswer, startDraft } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { drainOutbox } from '../../../src/app/offline/sync-pass';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../../src/shared/device';
import type { Language } from '../../../src/shared/languages';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { createFakeServer, seedOutbox } from '../offline/fakes';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

beforeEach(resetOfflineDb);

const SEND: Record<Language, string> = { nb: 'Send svaret', nn: 'Send svaret', en: 'Send my answer' };

/** A finished survey, sent from the review: the thank-you screen is showing. */
async function sendFinishedSurvey(language: Language = 'nb') {
  await startDraft(roundFixture().round, language);
  for (const s of DEFAULT_QUESTIONNAIRE.statements) await saveAnswer(s.id, 3);
  const view = await renderApp({ path: '/oversikt', language });
  await view.user.click(await screen.findByRole('button', { name: SEND[language] }));
  await screen.findByRole('heading', { level: 1, name: /Takk|Thank/ });
  return view;
}

async function sync(server: ReturnType<typeof createFakeServer>) {
  return drainOutbox({ fetch: server.fetch, now: () => 5_000, requestTimeoutMs: 1_000 });
}

describe('the thank-you screen', () => {
  it('says "waiting" while the answer is on the device, and "sent" once the server took it', async () => {
    await sendFinishedSurvey();
    expect(
      await screen.findByText(/lagret her på nettbrettet eller telefonen og sendes/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/er sendt/)).not.toBeInTheDocument();

    await sync(createFakeServer());

    expect(await screen.findByText('Svaret ditt er sendt.')).toBeInTheDocument();
  });

  it('calls a duplicate (already stored by an earlier, unanswered try) sent', async () => {
    await sendFinishedSurvey();
    const server = createFakeServer();
    const [queued] = await getDb().outbox.toArray();
    server.stored.add(queued!.id);

    await sync(server);

    expect(await screen.findByText('Svaret ditt er sendt.')).toBeInTheDocument();
  });

  it.each([
    [
      'nb',
      'Svaret ditt ble ikke tatt med.',
      'Koden din var allerede brukt. Be lederen din om en ny kode, og svar på nytt med den.',
      /sendt/,
    ],
    [
      'nn',
      'Svaret ditt vart ikkje teke med.',
      'Koden din var alt brukt. Be leiaren din om ein ny kode, og svar på nytt med han.',
      /sendt|sende/,
    ],
    [
      'en',
      'Your answer could not be included.',
      'Your code had already been used. Ask your leader for a new code, and answer again with it.',
      /been sent/,
    ],
  ] as const)(
    'never says "sent" for an answer refused for a used code, and tells the person what to do (%s)',
    async (language, title, advice, sent) => {
      await sendFinishedSurvey(language);
      const server = createFakeServer();
      server.rejectEvery = 'CODE_ALREADY_USED';

      await sync(server);

      expect(await screen.findByRole('alert')).toHaveTextContent(title);
      expect(screen.getByText(advice)).toBeInTheDocument();
      expect(screen.queryByText(sent)).not.toBeInTheDocument();
    },
  );

  it.each([
    ['ROUND_CLOSED', 'Undersøkelsen var ikke åpen da svaret kom fram'],
    ['CODE_UNKNOWN', 'Serveren kjenner ikke koden din'],
    ['KIOSK_REVOKED', 'Dette nettbrettet tar ikke lenger imot svar'],
    ['UNIT_MISMATCH', 'Undersøkelsen er endret etter at du begynte'],
    ['SOMETHING_A_NEWER_SERVER_SAYS', 'Serveren kunne ikke ta imot svaret'],
  ])('gives the reason for %s', async (code, reason) => {
    await sendFinishedSurvey();
    const server = createFakeServer();
    server.rejectEvery = code;

    await sync(server);

    expect(await screen.findByText(new RegExp(reason))).toBeInTheDocument();
    expect(screen.queryByText(/er sendt/)).not.toBeInTheDocument();
  });

  it('says the answer waits and will be sent again when the server asks to slow down (RATE_LIMITED)', async () => {
    await sendFinishedSurvey();
    const server = createFakeServer();
    server.rejectEvery = 'RATE_LIMITED';

    await sync(server);

    expect(
      await screen.findByText(/Serveren ba oss vente litt, så det sendes automatisk/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await getDb().rejected.count()).toBe(0);
  });

  it('forgets the reason with "Ferdig": the next person sees nothing of it', async () => {
    const { user } = await sendFinishedSurvey();
    const server = createFakeServer();
    server.rejectEvery = 'CODE_ALREADY_USED';
    await sync(server);
    await screen.findByRole('alert');

    await user.click(screen.getByRole('button', { name: 'Ferdig' }));

    expect(await screen.findByRole('button', { name: 'Start undersøkelsen' })).toBeInTheDocument();
    expect(screen.queryByText(/Koden din var allerede brukt/)).not.toBeInTheDocument();
  });
});

describe('the start screen sync line', () => {
  it('says all sent only when something was sent from here and nothing waits or was refused', async () => {
    await getDb().meta.put({ key: 'lastSyncAt', value: Date.now() });
    await renderApp();
    expect(await screen.findByText('Alle svar er sendt')).toBeInTheDocument();
    expect(screen.getByText(/^Sist sendt/)).toBeInTheDocument();
  });

  it('on a new device says nothing waits, without claiming anything was sent', async () => {
    await renderApp();
    expect(await screen.findByText('Ingen svar venter på å bli sendt')).toBeInTheDocument();
    expect(screen.queryByText('Alle svar er sendt')).not.toBeInTheDocument();
    expect(screen.queryByText(/sendt herfra/)).not.toBeInTheDocument();
  });

  it('says so, quietly, when the device is offline', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await seedOutbox(2);
      await renderApp();
      expect(await screen.findByText(/^Ingen nettforbindelse\./)).toBeInTheDocument();
      expect(await screen.findByText('2 svar venter på å bli sendt')).toBeInTheDocument();
      onLine.mockReturnValue(true);
      act(() => {
        window.dispatchEvent(new Event('online'));
      });
      expect(screen.queryByText(/^Ingen nettforbindelse\./)).not.toBeInTheDocument();
    } finally {
      onLine.mockRestore();
    }
  });

  it("names the round in the reader's language when the round has a name for it", async () => {
    const data = roundFixture();
    data.round.names = { nn: 'Medarbeidarundersøkinga 2026' };
    const { user } = await renderApp({ round: data });
    await screen.findByRole('heading', { level: 1, name: 'Medarbeiderundersøkelsen 2026' });
    await user.click(screen.getByRole('button', { name: 'Nynorsk' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Medarbeidarundersøkinga 2026' }),
    ).toBeInTheDocument();
    // English has no name of its own: the round's name stands.
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Medarbeiderundersøkelsen 2026' }),
    ).toBeInTheDocument();
  });

  it('puts the round name in the heading, not the general title above it', async () => {
    await renderApp();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Medarbeiderundersøkelsen 2026' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: /^Medarbeider\u00adundersøkelsen$/ }),
    ).not.toBeInTheDocument();
  });

  it('does not say "all sent" beside a refusal, and names the reason by count', async () => {
    await getDb().rejected.bulkPut([
      { id: 'a', roundId: 'round-1', code: 'CODE_ALREADY_USED', rejectedAt: 1 },
      { id: 'b', roundId: 'round-1', code: 'CODE_ALREADY_USED', rejectedAt: 2 },
      { id: 'c', roundId: 'round-1', code: 'BODY_TOO_LARGE', rejectedAt: 3 },
    ]);
    await renderApp();

    expect(await screen.findByText('2 svar ble avvist: koden var brukt før')).toBeInTheDocument();
    expect(screen.getByText('1 svar er for stort til å sendes')).toBeInTheDocument();
    expect(screen.getByText('Ingen svar venter på å bli sendt')).toBeInTheDocument();
    expect(screen.queryByText('Alle svar er sendt')).not.toBeInTheDocument();
  });

  it('shows answers held back by a failing server, by count, in nynorsk too', async () => {
    const ids = await seedOutbox(3);
    const server = createFakeServer();
    server.mode = 'http503';
    await sync(server);
    // And one of them had failed on its own before (a 500 for it alone).
    await getDb().outbox.update(ids[0]!, { failures: 1, failureCode: 'INTERNAL_ERROR', retryAt: 9e15 });
    await renderApp({ language: 'nn', round: roundFixture({ defaultLanguage: 'nn' }) });

    expect(
      await screen.findByText(
        '3 svar ventar: serveren svarar med feil. Nettbrettet prøver igjen av seg sjølv.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('3 svar ventar på å bli sende')).toBeInTheDocument();
    expect(screen.queryByText(/Alle svar/)).not.toBeInTheDocument();
  });

  it('shows an answer the server asked to wait for under its own reason', async () => {
    const [id] = await seedOutbox(1);
    await getDb().outbox.update(id!, { failures: 1, failureCode: 'RATE_LIMITED', retryAt: 9e15 });
    await renderApp({ language: 'en', round: roundFixture({ defaultLanguage: 'en' }) });

    expect(
      await screen.findByText(
        '1 answer waiting: the server asked this device to wait a little. It tries again by itself.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a refusal of the whole batch that will not pass by itself, with the answers still waiting', async () => {
    await seedOutbox(2);
    const server = createFakeServer();
    server.mode = 'malformed';
    await sync(server);
    await renderApp();

    expect(
      await screen.findByText(
        '2 svar venter: serveren tar ikke imot dem slik de sendes nå. Kontakt den som har ansvaret for tifaktor i kommunen.',
      ),
    ).toBeInTheDocument();
  });
});

describe('the idle warning after the answer has gone to the outbox', () => {
  it('says the screen will be cleared for the next person, not that answers will be deleted', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      await sendFinishedSurvey();
      await act(() => vi.advanceTimersByTimeAsync((DEFAULT_IDLE_TIMEOUT_SECONDS - 5) * 1000));
      const warning = await screen.findByRole('alertdialog');
      expect(warning.textContent).toMatch(/går skjermen tilbake til start, klar for nestemann/);
      expect(warning.textContent).not.toMatch(/slettet/);
    } finally {
      vi.useRealTimers();
    }
  });
});
