import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { influencedBy, influencesOf } from '../../../src/app/features/factors/factor-graph';
import { FACTOR_INFLUENCES } from '../../../src/shared/factors';
import { renderApp } from '../support/render';
import { resetOfflineDb } from '../support/offline';

async function openCard(slug: string) {
  const view = await renderApp({ path: `/faktorer/${slug}` });
  return view;
}

const title = (name: string) => screen.findByRole('heading', { level: 1, name });

function linkedIds(label: string): string[] {
  const list = screen.getByRole('list', { name: label });
  return within(list)
    .getAllByRole('link')
    .map((a) => a.getAttribute('href')!.replace('/faktorer/', ''));
}

describe('a factor card', () => {
  beforeEach(resetOfflineDb);

  it('shows the whole card: alternative name, level, stage, tips and reflection questions', async () => {
    await openCard('autonomi');
    await title('Autonomi');
    expect(screen.getByText('Også kalt Opplevd selvstendighet')).toBeInTheDocument();
    const badges = screen.getByRole('heading', { level: 1 }).parentElement!.querySelector('dl')!;
    expect(within(badges).getByText('Individnivå')).toBeInTheDocument();
    expect(within(badges).getByText('Drivere')).toBeInTheDocument();
    expect(screen.getByText('Faktor 3 av 10')).toBeInTheDocument();
    const leader = screen.getByRole('heading', { level: 2, name: 'Dette kan lederen gjøre' }).parentElement!;
    expect(within(leader).getAllByRole('listitem')).toHaveLength(3);
    const questions = screen.getByRole('heading', {
      level: 2,
      name: 'Spørsmål til teammøtet',
    }).parentElement!;
    expect(
      within(questions)
        .getAllByRole('listitem')
        .every((li) => li.textContent.endsWith('?')),
    ).toBe(true);
  });

  it('links to the factors it influences and is influenced by, exactly as FACTOR_INFLUENCES says', async () => {
    await openCard('autonomi');
    await title('Autonomi');
    // autonomi → indre-motivasjon, mestringstro, bruk-av-kompetanse, fleksibilitetsvilje
    expect(linkedIds('Påvirker')).toEqual(influencesOf('autonomi'));
    expect(linkedIds('Påvirker')).toHaveLength(4);
    // rolleklarhet, mestringsorientert-ledelse → autonomi
    expect(linkedIds('Påvirkes av')).toEqual(influencedBy('autonomi'));
    expect(new Set(linkedIds('Påvirkes av'))).toEqual(
      new Set(['rolleklarhet', 'mestringsorientert-ledelse']),
    );
  });

  it('says so when no other factor comes before it (prososial motivasjon)', async () => {
    await openCard('prososial-motivasjon');
    await title('Prososial motivasjon');
    expect(FACTOR_INFLUENCES.some(([, to]) => to === 'prososial-motivasjon')).toBe(false);
    expect(screen.getByText('Ingen av de andre faktorene')).toBeInTheDocument();
  });

  it('browses with the previous/next buttons, wrapping at the ends', async () => {
    const { user } = await openCard('indre-motivasjon');
    await title('Indre motivasjon');
    await user.click(screen.getByRole('button', { name: /^Neste/ }));
    await title('Mestringstro');
    expect(screen.getByText('Faktor 2 av 10')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Forrige/ }));
    await title('Indre motivasjon');
    await user.click(screen.getByRole('button', { name: /^Forrige/ }));
    await title('Prososial motivasjon');
    expect(screen.getByText('Faktor 10 av 10')).toBeInTheDocument();
  });

  it('names the neighbour each button leads to', async () => {
    await openCard('mestringsklima');
    await title('Mestringsklima');
    expect(screen.getByRole('button', { name: 'Forrige Fleksibilitetsvilje' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neste Prososial motivasjon' })).toBeInTheDocument();
  });

  it('browses with ArrowRight and ArrowLeft, but not while a modifier is held', async () => {
    const { user } = await openCard('autonomi');
    await title('Autonomi');
    await user.keyboard('{ArrowRight}');
    await title('Bruk av kompetanse');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    await title('Mestringstro');
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(screen.getByRole('heading', { level: 1, name: 'Mestringstro' })).toBeInTheDocument();
  });

  it('browses with a sideways swipe (touch pointer) and ignores a vertical one', async () => {
    await openCard('autonomi');
    await title('Autonomi');
    const swipe = (x0: number, y0: number, x1: number, y1: number) => {
      // Each card is a new element (keyed by factor), so look it up for every gesture.
      const card = screen.getByRole('article');
      fireEvent.pointerDown(card, { pointerId: 7, pointerType: 'touch', clientX: x0, clientY: y0 });
      fireEvent.pointerUp(card, { pointerId: 7, pointerType: 'touch', clientX: x1, clientY: y1 });
    };
    swipe(300, 200, 120, 210);
    await title('Bruk av kompetanse');
    swipe(100, 100, 110, 400);
    expect(screen.getByRole('heading', { level: 1, name: 'Bruk av kompetanse' })).toBeInTheDocument();
    swipe(100, 200, 290, 190);
    await title('Autonomi');
  });

  it('shows a clear message and a way back for an unknown factor address', async () => {
    const { user } = await openCard('finnes-ikke');
    await title('Fant ikke faktoren');
    expect(screen.getByText(/«finnes-ikke» passer ikke med noen av de ti faktorene/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Gå til alle faktorene' }));
    await title('De ti faktorene');
  });

  it('shows the card in nynorsk after a language switch, same address', async () => {
    const { user } = await openCard('mestringsklima');
    await title('Mestringsklima');
    await user.click(screen.getByRole('button', { name: 'Nynorsk' }));
    await title('Meistringsklima');
    expect(screen.getByRole('heading', { level: 2, name: 'Dette kan leiaren gjere' })).toBeInTheDocument();
    expect(screen.getByText('Gruppenivå')).toBeInTheDocument();
  });
});
