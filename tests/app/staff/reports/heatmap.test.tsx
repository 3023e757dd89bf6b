// The heat map: units as rows (municipality first, indented by depth), the ten factors as columns,
// each average printed and shaded by KS's bands, hidden cells as a dash read as "skjult".
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { heatmap, reportRoutes } from '../support/report-fixtures';

async function openHeatmap() {
  const view = await renderAdmin({
    path: '/admin/rapporter/r1/varmekart',
    routes: reportRoutes({ heatmap: heatmap() }),
  });
  await h1('Varmekart: Medarbeiderundersøkelsen 2026');
  const table = screen.getByRole('table', {
    name: 'Snitt per enhet og faktor i Medarbeiderundersøkelsen 2026, skala 1–5',
  });
  return { ...view, table, rows: within(table).getAllByRole('row').slice(1) };
}

describe('heat map', () => {
  beforeEach(resetOfflineDb);

  it('shades each average by the band of the number printed in it', async () => {
    const { rows } = await openHeatmap();
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual([
      '3,4',
      '3,5',
      '3,9',
      '4,0',
      '4,0',
      '4,4',
      '4,5',
      '4,5',
      '4,9',
      '2,1',
    ]);
    expect(cells.map((c) => c.className.replace('heat heat--', ''))).toEqual([
      'low',
      'mid',
      'mid',
      'good',
      'good',
      'good',
      'top',
      'top',
      'top',
      'low',
    ]);
  });

  it('shows hidden cells and hidden units as a dash read as "skjult"', async () => {
    const { rows } = await openHeatmap();
    const solbakken = within(rows[1]!).getAllByRole('cell');
    expect(solbakken[5]!.textContent).toBe('–skjult');
    expect(solbakken[5]!.querySelector('[aria-hidden="true"]')!.textContent).toBe('–');
    const avd2 = rows[2]!;
    expect(within(avd2).getByRole('rowheader').textContent).toBe('Avdeling 2Tall skjult');
    expect(
      within(avd2)
        .getAllByRole('cell')
        .every((c) => c.textContent === '–skjult'),
    ).toBe(true);
  });

  it('puts the municipality first, indents units by depth and links each to its report', async () => {
    const { rows } = await openHeatmap();
    const names = rows.map((r) => within(r).getByRole('rowheader'));
    expect(names.map((th) => th.querySelector('a')!.textContent)).toEqual([
      'Helse og omsorg',
      'Solbakken sykehjem',
      'Avdeling 2',
    ]);
    expect(names.map((th) => th.style.paddingInlineStart)).toEqual(['0.5rem', '1.5rem', '2.5rem']);
    expect(names[1]!.querySelector('a')!.getAttribute('href')).toBe('/admin/rapporter/r1/solbakken');
  });

  it('names the factors in short headers with the full name for screen readers, scrolls on a phone, and explains the shades', async () => {
    const { table } = await openHeatmap();
    const headers = within(table).getAllByRole('columnheader');
    expect(headers).toHaveLength(11);
    expect(headers[5]!.querySelector('[aria-hidden="true"]')!.getAttribute('title')).toBe(
      'Mestringsorientert ledelse',
    );
    expect(headers[5]!.querySelector('.visually-hidden')!.textContent).toBe('Mestringsorientert ledelse');
    // TableWrap: a focusable, named box that scrolls sideways on a 360 px phone.
    const wrap = table.closest('[role="region"]')!;
    expect(wrap.getAttribute('tabindex')).toBe('0');

    const legend = screen.getByRole('list', { name: 'Slik leser du fargene' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Under 3,5',
      '3,5–3,9',
      '4,0–4,4',
      '4,5 eller høyere',
      '–Skjult: for få svar, eller for å beskytte en mindre gruppe',
    ]);
  });
});
