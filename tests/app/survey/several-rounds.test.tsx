// Several rounds open at once (issue 14) on a phone opened at its municipality's entry address
// (/k/<slug>): the device caches every open round with its questionnaire, a person with a code
// answers that code's round (its own questions), offline too, and a refusal is never called sent.
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadEntryRounds, saveAnswer, startDraft } from '../../../src/app/offline';
import { getDb } from '../../../src/app/offline/db';
import { drainOutbox } from '../../../src/app/offline/sync-pass';
import type { EntryRoundsResponse } from '../../../src/shared/api/respondent';
import { generateCode, webRandomBytes } from '../../../src/shared/codes';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { createFakeServer } from '../offline/fakes';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

beforeEach(resetOfflineDb);

/** Round B asks its first statement in other words: its own questionnaire version. */
const V2 = {
  ...DEFAULT_QUESTIONNAIRE,
  version: 'v2-test',
  statements: DEFAULT_QUESTIONNAIRE.statements.map((s, i) =>
    i === 0
      ? { ...s, text: { nb: 'Påstand fra runde B', nn: 'Påstand frå runde B', en: 'Round B statement' } }
      : s,
  ),
};
const A = roundFixture({ id: 'round-a', name: 'Undersøkelse A', unit: { id: 'unit-a', name: 'Skolen' } });
const B = roundFixture({
  id: 'round-b',
  name: 'Undersøkelse B',
  questionnaireVersion: V2.version,
  unit: { id: 'unit-b', name: 'Sykehjemmet' },
});
const ENTRY: EntryRoundsResponse = {
  municipality: { slug: 'demo-kommune', name: 'Demo kommune' },
  rounds: [A.round, B.round],
  questionnaires: [DEFAULT_QUESTIONNAIRE, V2],
};
const entryReply = () => new Response(JSON.stringify(ENTRY), { status: 200 });
const replies = { '/entries/demo-kommune/rounds': entryReply };
const validFor = (round: typeof B.round) => ({
  status: 'valid',
  round: {
    id: round.id,
    name: round.name,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    questionnaireVersion: round.questionnaireVersion,
  },
  unit: round.unit,
});

describe('a phone at the entry address with two rounds open', () => {
  it('caches both rounds with their questionnaires and lists them, also when it starts offline', async () => {
    const first = await renderApp({ path: '/k/demo-kommune', replies });
    expect(
      await screen.findByText('2 undersøkelser er åpne her nå. Koden din avgjør hvilken du svarer på.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Undersøkelse A – Skolen, åpen/)).toBeInTheDocument();
    expect(screen.getByText(/^Undersøkelse B – Sykehjemmet, åpen/)).toBeInTheDocument();
    expect(first.router.location?.pathname).toBe('/');
    const cached = await loadEntryRounds();
    expect(cached?.rounds.map((r) => [r.round.id, r.questionnaire.version])).toEqual([
      ['round-a', DEFAULT_QUESTIONNAIRE.version],
      ['round-b', V2.version],
    ]);
    first.unmount();

    // Next morning, no network, opened from the home screen at "/": the municipality is remembered.
    const offline = await renderApp({ path: '/', round: null });
    expect(await screen.findByText(/^Undersøkelse B – Sykehjemmet, åpen/)).toBeInTheDocument();
    expect(
      offline.fetchImpl.mock.calls.map(([url]) => (url instanceof Request ? url.url : url.toString())),
    ).toContain('/api/v1/entries/demo-kommune/rounds');
  });

  it("answers the code's own round, with that round's questionnaire", async () => {
    const { user } = await renderApp({ path: '/k/demo-kommune', replies, codeCheck: validFor(B.round) });
    await user.type(await screen.findByLabelText('Engangskode'), generateCode(webRandomBytes));
    await user.click(screen.getByRole('button', { name: 'Start undersøkelsen' }));
    await screen.findByRole('heading', { name: 'Før du begynner' });
    const [draft] = await getDb().draft.toArray();
    expect([draft?.roundId, draft?.unitId, draft?.questionnaireVersion]).toEqual([
      'round-b',
      'unit-b',
      V2.version,
    ]);
    await user.click(screen.getByRole('link', { name: 'Gå til første påstand' }));
    expect(await screen.findByText('Påstand fra runde B')).toBeInTheDocument();
  });

  it('answers the newest round when the code cannot be checked (offline), and the server decides', async () => {
    const { user } = await renderApp({ path: '/k/demo-kommune', replies });
    await user.type(await screen.findByLabelText('Engangskode'), generateCode(webRandomBytes));
    await user.click(screen.getByRole('button', { name: 'Start undersøkelsen' }));
    await screen.findByRole('heading', { name: 'Før du begynner' });
    expect((await getDb().draft.toArray())[0]?.roundId).toBe('round-a');
  });
});

describe('a refusal on a phone with several rounds', () => {
  async function sendFinished() {
    // The phone knows both rounds; this person answered round A's questions.
    await renderApp({ path: '/k/demo-kommune', replies }).then((v) => v.unmount());
    await startDraft(A.round, 'nb');
    for (const s of DEFAULT_QUESTIONNAIRE.statements) await saveAnswer(s.id, 3);
    const { user } = await renderApp({ path: '/oversikt', replies });
    await user.click(await screen.findByRole('button', { name: 'Send svaret' }));
    await screen.findByRole('heading', { level: 1, name: 'Takk for svaret!' });
  }

  it.each([
    ['CODE_UNKNOWN', /Serveren kjenner ikke koden din/],
    ['CODE_ALREADY_USED', /Koden din var allerede brukt/],
    // The code was round B's: the server filed the answer there and refused round A's questions.
    [
      'QUESTIONNAIRE_VERSION_MISMATCH',
      /Koden din hører til en undersøkelse med andre spørsmål.*Koden er ikke brukt/,
    ],
  ])('says why for %s and never "sent"', async (code, reason) => {
    await sendFinished();
    const server = createFakeServer();
    server.rejectEvery = code;
    await drainOutbox({ fetch: server.fetch, now: () => 5_000, requestTimeoutMs: 1_000 });
    expect(await screen.findByRole('alert')).toHaveTextContent(reason);
    expect(screen.getByRole('alert')).toHaveTextContent('Svaret ditt ble ikke tatt med.');
    await waitFor(() => expect(screen.queryByText(/er sendt/)).not.toBeInTheDocument());
  });
});
