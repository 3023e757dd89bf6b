// National figures (admin): the imported averages by year and unit type, and the CSV import with
// the same all-or-nothing behaviour as the unit import: every bad line listed, focus on the list.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { errorReply, jsonReply, meAs } from '../support/staff-server';
import { nationalFigures, reportRoutes } from '../support/report-fixtures';

describe('national figures', () => {
  beforeEach(resetOfflineDb);

  it('lists the imported figures by year, unit type and source with the factors across', async () => {
    await renderAdmin({
      path: '/admin/nasjonale-tall',
      routes: reportRoutes({ figures: nationalFigures() }),
    });
    await h1('Nasjonale tall');
    const table = await screen.findByRole('table', {
      name: 'Nasjonale snitt per år, tjenestetype og faktor',
    });
    // The unit type's label comes from the unit types, by its code.
    await within(table).findByRole('rowheader', { name: 'Sykehjem' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Sykehjem',
      'Alle tjenester',
    ]);
    const first = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(first.slice(0, 4)).toEqual(['2026', 'KS 10-FAKTOR 2026', '3,8', '3,9']);
    const all = within(rows[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(all[4]).toBe('4,1');
    expect(all[2]).toBe('–ingen nasjonale tall');
  });

  it('lists every bad line when the server refuses the file, and moves focus there', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/nasjonale-tall',
      routes: (fake) => {
        reportRoutes({})(fake);
        fake.on('POST', '/national-figures/import', () =>
          errorReply(400, 'CSV_INVALID', {
            lines: [
              {
                line: 2,
                problem: 'AVERAGE_RANGE',
                values: { value: '7' },
                message: 'average must be a number from 1 to 5, not "7"',
              },
              {
                line: 4,
                problem: 'FACTOR_UNKNOWN',
                values: { value: '11' },
                message: 'factor must be a factor id or a number from 1 to 10, not "11"',
              },
            ],
          }),
        );
      },
    });
    await h1('Nasjonale tall');
    expect(await screen.findByText('Ingen nasjonale tall er lagt inn ennå.')).toBeInTheDocument();
    await user.type(
      screen.getByLabelText('Eller lim inn innholdet her'),
      'year;unit_type;factor;average;source',
    );
    await user.click(screen.getByRole('button', { name: 'Importer' }));

    const list = await screen.findByRole('alert');
    expect(within(list).getByText('Ingenting ble importert. 2 linjer må rettes:')).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Linje 2: Snittet må være et tall fra 1 til 5, ikke «7».',
      'Linje 4: Ukjent faktor «11». Bruk faktorens id eller et tall fra 1 til 10.',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(list));
    expect(screen.getByLabelText('Eller lim inn innholdet her').getAttribute('aria-invalid')).toBe('true');
    const [call] = server.calls('POST', '/national-figures/import');
    expect(call!.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(call!.body).toBe('year;unit_type;factor;average;source');
  });

  it('imports a file and shows the new figures', async () => {
    let figures: ReturnType<typeof nationalFigures> = [];
    const { user } = await renderAdmin({
      path: '/admin/nasjonale-tall',
      routes: (fake) => {
        fake.on('GET', '/national-figures', () => jsonReply(200, { figures }));
        fake.on('POST', '/national-figures/import', () => {
          figures = nationalFigures();
          return jsonReply(200, { imported: figures.length });
        });
      },
    });
    await h1('Nasjonale tall');
    await user.type(screen.getByLabelText('Eller lim inn innholdet her'), '2026;*;3;4,05;KS');
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Importert: 11 tall.')).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Nasjonale snitt per år, tjenestetype og faktor' }),
    ).toBeInTheDocument();
  });

  it('asks for a file before sending anything', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/nasjonale-tall', routes: reportRoutes({}) });
    await h1('Nasjonale tall');
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(screen.getByText('Velg en fil eller lim inn CSV-teksten først.')).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByLabelText('Eller lim inn innholdet her'));
    expect(server.calls('POST', '/national-figures/import')).toHaveLength(0);
  });

  it('is for admins only', async () => {
    const { server } = await renderAdmin({
      path: '/admin/nasjonale-tall',
      state: { me: meAs([{ role: 'leader', unitId: 'solbakken' }]) },
    });
    await h1('Ingen tilgang');
    expect(server.calls('GET', '/national-figures')).toHaveLength(0);
  });
});
