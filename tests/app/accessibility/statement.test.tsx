// The accessibility statement page: reached from the footer of a respondent screen, its text in
// nb, nn and en, the municipality's uustatus.no link only when the server names one (and only an
// https address), and the text still there with no network. (No open round in the language
// tests: a round's default language would take over from the one asked for.)
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

const STATEMENT = 'https://uustatus.no/nb/erklaringer/publisert/0000-demo';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const info = (statementUrl: string | null, municipalityName: string | null = 'Demo kommune') => ({
  '/public/accessibility': () => json(200, { municipalityName, statementUrl }),
});

describe('the accessibility statement', () => {
  beforeEach(resetOfflineDb);

  it('opens from the footer of the start screen and links the municipality’s uustatus.no statement', async () => {
    const { user } = await renderApp({ path: '/', replies: info(STATEMENT) });
    await user.click(await screen.findByRole('link', { name: 'Tilgjengelighetserklæring' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Målet er at tifaktor skal oppfylle WCAG 2.1 på nivå AA/)).toBeInTheDocument();
    const link = await screen.findByRole('link', {
      name: 'Tilgjengelighetserklæringen til Demo kommune på uustatus.no',
    });
    expect(link).toHaveAttribute('href', STATEMENT);
    expect(
      screen.getByText(/si fra til Demo kommune gjennom kommunens tilgjengelighetserklæring/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /uutilsynet\.no/ })).toHaveAttribute(
      'href',
      'https://www.uutilsynet.no/',
    );
    expect(screen.getByText('Sist gjennomgått 3. desember 2026.')).toBeInTheDocument();
  });

  it('speaks nynorsk, and shows no uustatus link when the municipality has none', async () => {
    await renderApp({ path: '/tilgjengelighet', language: 'nn', round: null, replies: info(null) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tilgjengelegheitserklæring' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/medarbeidarundersøkinga Demo kommune bruker/)).toBeInTheDocument();
    expect(screen.getByText(/seie frå til kommunen din/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /uustatus/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tilgjengelegheitserklæring' })).toHaveAttribute(
      'href',
      '/tilgjengelighet',
    );
  });

  it('speaks English, and never makes a link of an address that is not https', async () => {
    await renderApp({
      path: '/tilgjengelighet',
      language: 'en',
      round: null,
      replies: info('javascript:alert(1)'),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/the employee survey Demo kommune uses/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /uustatus/ })).not.toBeInTheDocument();
  });

  it('keeps its text with no network, without the link', async () => {
    await renderApp({ path: '/tilgjengelighet' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Lange sammensatte ord i overskrifter/)).toBeInTheDocument();
    expect(screen.getByText(/kommunen din bruker/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /uustatus/ })).not.toBeInTheDocument();
  });

  it('asks for the municipality of the address in its query', async () => {
    const replies = {
      '/public/accessibility?municipality=fjellkommune': () =>
        json(200, { municipalityName: 'Fjellkommune', statementUrl: STATEMENT }),
    };
    await renderApp({ path: '/tilgjengelighet?m=fjellkommune', replies });
    expect(
      await screen.findByRole('link', {
        name: 'Tilgjengelighetserklæringen til Fjellkommune på uustatus.no',
      }),
    ).toHaveAttribute('href', STATEMENT);
  });
});
