import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render';
import { resetOfflineDb } from '../support/offline';

/** The factor ids of the tiles shown, in order. */
function shownFactors(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.factor-grid [data-factor]')).map(
    (li) => li.dataset.factor!,
  );
}

async function openList(path = '/faktorer') {
  const view = await renderApp({ path });
  await screen.findByRole('heading', { level: 1, name: 'De ti faktorene' });
  return view;
}

describe('the factor list', () => {
  beforeEach(resetOfflineDb);

  it('shows all ten factors as links to their cards', async () => {
    await openList();
    expect(shownFactors()).toHaveLength(10);
    expect(screen.getByText('Viser 10 faktorer')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mestringsklima' })).toHaveAttribute(
      'href',
      '/faktorer/mestringsklima',
    );
  });

  it('filters by level: group shows only mestringsklima, leader only mestringsorientert ledelse', async () => {
    const { user } = await openList();
    await user.click(screen.getByRole('radio', { name: 'Gruppenivå' }));
    expect(shownFactors()).toEqual(['mestringsklima']);
    expect(screen.getByText('Viser 1 faktor')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Ledernivå' }));
    expect(shownFactors()).toEqual(['mestringsorientert-ledelse']);

    await user.click(screen.getByRole('radio', { name: 'Individnivå' }));
    expect(shownFactors()).toHaveLength(8);
    expect(shownFactors()).not.toContain('mestringsklima');

    await user.click(screen.getByRole('radio', { name: 'Alle nivåer' }));
    expect(shownFactors()).toHaveLength(10);
  });

  it('reads the level filter and the search from a shared URL', async () => {
    await openList('/faktorer?niva=individual&sok=hospitering');
    expect(shownFactors()).toEqual(['relevant-kompetanseutvikling']);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Individnivå' })).toBeChecked();
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Søk i kortene' }).value).toBe(
      'hospitering',
    );
  });

  it('finds a factor by a word that occurs only in its longer text, in bokmål', async () => {
    const { user } = await openList();
    // "sammenligner" is in mestringsklima's explanation, not in its name or one-liner.
    await user.type(screen.getByRole('searchbox', { name: 'Søk i kortene' }), 'Sammenligner');
    expect(shownFactors()).toEqual(['mestringsklima']);
    await user.clear(screen.getByRole('searchbox'));
    // A word from a leader tip and a word from the explanation: both must match.
    await user.type(screen.getByRole('searchbox'), 'hospitering kurs');
    expect(shownFactors()).toEqual(['relevant-kompetanseutvikling']);
  });

  it('searches in nynorsk after switching language: a nynorsk-only word matches, its bokmål twin no longer does', async () => {
    const { user } = await openList();
    await user.click(screen.getByRole('button', { name: 'Nynorsk' }));
    await screen.findByRole('heading', { level: 1, name: 'Dei ti faktorane' });
    const search = screen.getByRole('searchbox', { name: 'Søk i korta' });

    await user.type(search, 'samanliknar');
    expect(shownFactors()).toEqual(['mestringsklima']);
    expect(screen.getByRole('link', { name: 'Meistringsklima' })).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'rettleiing');
    expect(shownFactors()).toEqual(['relevant-kompetanseutvikling']);

    await user.clear(search);
    await user.type(search, 'sammenligner');
    expect(shownFactors()).toEqual([]);
    expect(screen.getByText(/Ingen faktorar passar til søket/)).toBeInTheDocument();
  });

  it('finds nothing for a bokmål search of a nynorsk word, and "show all" clears search and filter', async () => {
    const { user } = await openList();
    await user.click(screen.getByRole('radio', { name: 'Gruppenivå' }));
    await user.type(screen.getByRole('searchbox'), 'meistring');
    expect(shownFactors()).toEqual([]);
    const empty = screen.getByText(/Ingen faktorer passer til søket/).parentElement!;
    await user.click(within(empty).getByRole('button', { name: 'Vis alle faktorene' }));
    await waitFor(() => expect(shownFactors()).toHaveLength(10));
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Alle nivåer' })).toBeChecked();
  });
});
