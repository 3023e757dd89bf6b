import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { narrowLayout } from '../../../src/app/features/factors/map-layout-narrow';
import { wideLayout } from '../../../src/app/features/factors/map-layout-wide';
import { FACTOR_IDS, FACTOR_INFLUENCES } from '../../../src/shared/factors';
import { renderApp } from '../support/render';
import { resetOfflineDb } from '../support/offline';

const expectedEdges = FACTOR_INFLUENCES.map(([from, to]) => `${from}>${to}`).sort();

function map(): SVGSVGElement {
  return screen.getByRole('group', {
    name: 'Kart over hvordan de ti faktorene påvirker hverandre',
  }) as unknown as SVGSVGElement;
}

function drawnEdges(): string[] {
  return Array.from(map().querySelectorAll<SVGPathElement>('[data-edge]')).map((p) =>
    p.getAttribute('data-edge')!,
  );
}

describe('the influence map', () => {
  beforeEach(resetOfflineDb);

  it('draws one arrow for every entry in FACTOR_INFLUENCES and no other', async () => {
    await renderApp({ path: '/faktorer/kart' });
    await screen.findByRole('heading', { level: 1, name: 'Slik påvirker faktorene hverandre' });
    expect(FACTOR_INFLUENCES).toHaveLength(23);
    expect(drawnEdges().sort()).toEqual(expectedEdges);
    for (const path of map().querySelectorAll('[data-edge]')) {
      expect(path).toHaveAttribute('marker-end', expect.stringMatching(/^url\(#.+\)$/));
      expect(path).toHaveAttribute('d', expect.stringMatching(/^M[\d.]+ [\d.]+[CLS]/));
    }
  });

  it('computes a path for every influence in both layouts, with every box inside the view', () => {
    for (const layout of [wideLayout(), narrowLayout()]) {
      expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(expectedEdges);
      for (const id of FACTOR_IDS) {
        const box = layout.nodes[id];
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w).toBeLessThanOrEqual(layout.width);
        expect(box.y + box.h).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it('makes every one of the ten boxes a link to its card, reachable with Tab', async () => {
    const { user } = await renderApp({ path: '/faktorer/kart' });
    await screen.findByRole('heading', { level: 1, name: 'Slik påvirker faktorene hverandre' });
    const nodes = within(map() as unknown as HTMLElement).getAllByRole('link');
    expect(nodes).toHaveLength(10);
    expect(nodes.map((a) => a.getAttribute('href')).sort()).toEqual(
      FACTOR_IDS.map((id) => `/faktorer/${id}`).sort(),
    );
    expect(
      within(map() as unknown as HTMLElement).getByRole('link', { name: 'Mestringsklima, Drivere' }),
    ).toBeInTheDocument();

    // Tab from the paragraph just before the map: the next ten stops are the ten boxes.
    const reached = new Set<string>();
    const before = document.querySelector('.influence-map')!.previousElementSibling as HTMLElement;
    before.tabIndex = -1;
    before.focus();
    for (let i = 0; i < 10; i++) {
      await user.tab();
      const id = document.activeElement?.getAttribute('data-node');
      if (id) reached.add(id);
    }
    expect([...reached].sort()).toEqual([...FACTOR_IDS].sort());
  });

  it('highlights the current factor on its card, lights its arrows and follows a node to another card', async () => {
    const { user } = await renderApp({ path: '/faktorer/mestringsklima' });
    await screen.findByRole('heading', { level: 1, name: 'Mestringsklima' });
    const current = within(map() as unknown as HTMLElement).getByRole('link', {
      name: 'Mestringsklima, Drivere, denne faktoren',
    });
    expect(current).toHaveAttribute('aria-current', 'page');
    const lit = Array.from(map().querySelectorAll('.map-edge--active'))
      .map((p) => p.getAttribute('data-edge'))
      .sort();
    expect(lit).toEqual(expectedEdges.filter((e) => e.split('>').includes('mestringsklima')));

    await user.click(
      within(map() as unknown as HTMLElement).getByRole('link', { name: 'Autonomi, Drivere' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Autonomi' });
  });

  it('offers the same facts as a text list', async () => {
    await renderApp({ path: '/faktorer/kart' });
    await screen.findByRole('heading', { level: 1, name: 'Slik påvirker faktorene hverandre' });
    const text = document.querySelector('.map-text')!;
    const listed = FACTOR_IDS.flatMap((from) => {
      const item = text.querySelector(`[data-factor="${from}"]`)!;
      return Array.from(item.querySelectorAll('.map-text__targets a')).map(
        (a) => `${from}>${a.getAttribute('href')!.replace('/faktorer/', '')}`,
      );
    });
    expect(listed.sort()).toEqual(expectedEdges);
  });
});
