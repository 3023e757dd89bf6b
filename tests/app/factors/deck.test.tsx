import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { READ_MARKS_KEY } from '../../../src/app/features/factors/useReadMarks';
import { renderApp } from '../support/render';
import { resetOfflineDb } from '../support/offline';

const progress = () => screen.getByTestId('deck-progress').textContent;
const cardTitle = (name: string) => screen.findByRole('heading', { level: 2, name });

async function openDeck(path = '/faktorer/les') {
  const view = await renderApp({ path });
  await screen.findByRole('heading', { level: 1, name: 'Bli kjent med de ti faktorene' });
  // The deck pins its starting card in the address (a navigation, so a moment after the first
  // screen); a mark made before that would move the deck on, which a person is never quick enough for.
  await waitFor(() => expect(view.router.location?.search).toMatch(/^\?kort=\d+$/));
  return view;
}

describe('deck mode', () => {
  beforeEach(() => {
    resetOfflineDb();
    window.localStorage.clear();
  });

  it('goes through the ten cards in order, with buttons and arrow keys', async () => {
    const { user } = await openDeck();
    await cardTitle('Indre motivasjon');
    expect(screen.getByText('Kort 1 av 10')).toBeInTheDocument();
    // No "previous" before the first card.
    expect(screen.queryByRole('button', { name: /^Forrige/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Neste/ }));
    await cardTitle('Mestringstro');
    await user.keyboard('{ArrowRight}');
    await cardTitle('Autonomi');
    await user.keyboard('{ArrowLeft}');
    await cardTitle('Mestringstro');
    await user.click(screen.getByRole('link', { name: '10. Prososial motivasjon' }));
    await cardTitle('Prososial motivasjon');
    expect(screen.queryByRole('button', { name: /^Neste/ })).not.toBeInTheDocument();
  });

  it('marks cards as read with progress "n av 10 lest", kept on the device across visits', async () => {
    const { user, unmount } = await openDeck();
    expect(progress()).toBe('0 av 10 lest');
    await user.click(screen.getByRole('button', { name: 'Marker som lest' }));
    expect(progress()).toBe('1 av 10 lest');
    expect(screen.getByText('Du har lest dette kortet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '1. Indre motivasjon, lest' })).toBeInTheDocument();
    // Marking does not move the deck: the person decides when to go on.
    expect(screen.getByRole('heading', { level: 2, name: 'Indre motivasjon' })).toBeInTheDocument();

    for (const name of ['Mestringstro', 'Autonomi', 'Bruk av kompetanse']) {
      await user.click(screen.getByRole('button', { name: /^Neste/ }));
      await cardTitle(name);
      await user.click(screen.getByRole('button', { name: 'Marker som lest' }));
    }
    expect(progress()).toBe('4 av 10 lest');
    expect(JSON.parse(window.localStorage.getItem(READ_MARKS_KEY)!)).toEqual([
      'indre-motivasjon',
      'mestringstro',
      'autonomi',
      'bruk-av-kompetanse',
    ]);

    // A new visit on the same device: the marks are still there, and the deck opens at the
    // first card not yet read.
    unmount();
    await openDeck();
    expect(progress()).toBe('4 av 10 lest');
    await cardTitle('Mestringsorientert ledelse');
  });

  it('can unmark a card and reset all marks', async () => {
    window.localStorage.setItem(
      READ_MARKS_KEY,
      JSON.stringify(['autonomi', 'mestringsklima', 'rolleklarhet']),
    );
    const { user } = await openDeck('/faktorer/les?kort=3');
    await cardTitle('Autonomi');
    expect(progress()).toBe('3 av 10 lest');
    await user.click(screen.getByRole('button', { name: 'Marker som ulest' }));
    expect(progress()).toBe('2 av 10 lest');

    await user.click(screen.getByRole('button', { name: 'Start på nytt' }));
    expect(progress()).toBe('0 av 10 lest');
    expect(screen.getByText('Alle lesemerkene er fjernet.')).toBeInTheDocument();
    await cardTitle('Indre motivasjon');
    expect(window.localStorage.getItem(READ_MARKS_KEY)).toBeNull();
  });

  it('treats stored marks as untrusted: unknown ids, duplicates and junk are ignored', async () => {
    window.localStorage.setItem(READ_MARKS_KEY, JSON.stringify(['autonomi', 'autonomi', 'nope', 42, null]));
    await openDeck();
    expect(progress()).toBe('1 av 10 lest');
    window.localStorage.setItem(READ_MARKS_KEY, '{not json');
    window.dispatchEvent(new StorageEvent('storage', { key: READ_MARKS_KEY }));
    await waitFor(() => expect(progress()).toBe('0 av 10 lest'));
  });

  it('says when all ten are read, and shows the progress in nynorsk', async () => {
    window.localStorage.setItem(
      READ_MARKS_KEY,
      JSON.stringify([
        'indre-motivasjon',
        'mestringstro',
        'autonomi',
        'bruk-av-kompetanse',
        'mestringsorientert-ledelse',
        'rolleklarhet',
        'relevant-kompetanseutvikling',
        'fleksibilitetsvilje',
        'mestringsklima',
        'prososial-motivasjon',
      ]),
    );
    const { user } = await openDeck();
    expect(progress()).toBe('10 av 10 lest');
    expect(screen.getByText('Du har lest alle ti kortene. Bra jobbet!')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nynorsk' }));
    await screen.findByRole('heading', { level: 1, name: 'Bli kjend med dei ti faktorane' });
    expect(progress()).toBe('10 av 10 lesne');
    expect(screen.getByRole('button', { name: 'Merk som ikkje lese' })).toBeInTheDocument();
  });
});
