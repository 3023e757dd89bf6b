// The public "Dette gjør vi" page: the plan in the municipality's language with the switch, the
// chosen factors with their card texts, goals and measures (who, when, status); a draft, a plan on
// the parent's results, a renewed link and no network; the staff-room poster with its QR code.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicPlanResponse } from '../../../src/shared/api/plans';
import { renderApp } from '../support/render';

const TOKEN = 'A'.repeat(43);

function plan(overrides: Partial<PublicPlanResponse> = {}): PublicPlanResponse {
  return {
    municipality: { name: 'Demo kommune', language: 'nn' },
    unit: { name: 'Solbakken sjukeheim' },
    basedOnUnitName: null,
    round: { name: 'Medarbeidarundersøkinga 2025', closesOn: '2025-03-14' },
    status: 'in_progress',
    agreedOn: '2025-04-28',
    nextReviewOn: '2025-10-28',
    lastReviewOn: '2025-07-28',
    focusFactors: [
      {
        factorId: 'mestringsklima',
        kind: 'keep',
        why: 'Vi hjelper kvarandre godt på vakt.',
        goals: [{ text: 'Alle nye får ein fadder.', howWeKnow: 'Fadderlista er full kvar månad.' }],
        measures: [
          {
            text: 'Fast fadder for nytilsette',
            responsible: { kind: 'role', text: 'Ordstyrar på personalmøtet' },
            deadline: '2025-09-01',
            status: 'done',
          },
        ],
      },
      {
        factorId: 'rolleklarhet',
        kind: 'improve',
        why: '',
        goals: [],
        measures: [
          {
            text: 'Oppgåveliste per vakt',
            responsible: { kind: 'staff', role: 'leader' },
            deadline: '2025-11-15',
            status: 'stuck',
          },
        ],
      },
    ],
    ...overrides,
  };
}

const asJson = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function serve(reply: () => Promise<Response>) {
  const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => reply());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the "Dette gjør vi" page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the plan in the municipality’s language, and the switch changes it', async () => {
    const fetch = serve(() => Promise.resolve(asJson(200, plan())));
    const { user } = await renderApp({ path: `/dette-gjor-vi/${TOKEN}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dette gjer vi' })).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/v1/plans/public/${TOKEN}`);
    expect(init?.credentials).toBe('omit');

    const keep = await screen.findByRole('region', { name: 'Meistringsklima' });
    expect(within(keep).getByText('Dette vil vi ta vare på')).toBeInTheDocument();
    expect(within(keep).getByText('Vi hjelper kvarandre godt på vakt.')).toBeInTheDocument();
    expect(
      within(keep).getByText('Slik veit vi at vi lukkast: Fadderlista er full kvar månad.'),
    ).toBeInTheDocument();
    expect(within(keep).getByText('Ordstyrar på personalmøtet')).toBeInTheDocument();
    expect(within(keep).getByText('1. september 2025')).toBeInTheDocument();
    expect(within(keep).getByText('Gjennomført')).toBeInTheDocument();
    expect(within(keep).getByRole('link', { name: 'Les meir om Meistringsklima' })).toHaveAttribute(
      'href',
      '/faktorer/mestringsklima',
    );
    const improve = screen.getByRole('region', { name: 'Rolleklarheit' });
    expect(within(improve).getByText('Leiar')).toBeInTheDocument();
    expect(within(improve).getByText('Står fast')).toBeInTheDocument();
    expect(screen.getByText(/Neste gjennomgang 28. oktober 2025/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Bokmål' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dette gjør vi' })).toBeInTheDocument();
    expect(screen.getByText('Står fast')).toBeInTheDocument();
    expect(screen.getByText('Leder')).toBeInTheDocument();
  });

  it('says a draft is on its way, and names the unit whose results a small unit plans on', async () => {
    serve(() =>
      Promise.resolve(
        asJson(
          200,
          plan({ status: 'draft', focusFactors: [], agreedOn: null, basedOnUnitName: 'Helse og omsorg' }),
        ),
      ),
    );
    await renderApp({ path: `/dette-gjor-vi/${TOKEN}` });
    expect(await screen.findByText(/Planen er ikkje avtalt enno/)).toBeInTheDocument();
    expect(screen.getByText(/byggjer på resultata for Helse og omsorg/)).toBeInTheDocument();
  });

  it('tells a renewed link from having no network', async () => {
    serve(() => Promise.resolve(asJson(404, { error: { code: 'PLAN_LINK_INVALID', message: 'x' } })));
    const first = await renderApp({ path: `/dette-gjor-vi/${TOKEN}` });
    expect(await screen.findByRole('alert')).toHaveTextContent('Denne lenken virker ikke lenger');
    first.unmount();

    serve(() => Promise.reject(new TypeError('offline')));
    await renderApp({ path: `/dette-gjor-vi/${TOKEN}` });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Du er uten nett, og planen er ikke lagret her ennå',
    );
  });

  it('prints a staff-room poster with a QR code to this page', async () => {
    serve(() => Promise.resolve(asJson(200, plan())));
    const { user } = await renderApp({ path: `/dette-gjor-vi/${TOKEN}` });
    await user.click(await screen.findByRole('link', { name: 'Plakat for personalrommet' }));
    const poster = await screen.findByRole('article', { name: 'Dette gjer vi på Solbakken sjukeheim' });
    expect(
      within(poster).getByRole('img', { name: 'QR-kode til planen for Solbakken sjukeheim' }),
    ).toBeInTheDocument();
    expect(poster.querySelector('svg')).not.toBeNull();
    expect(
      within(poster)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Meistringsklima · Dette vil vi ta vare på', 'Rolleklarheit · Her vil vi bli betre']);
  });
});
