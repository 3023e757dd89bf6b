// The unit tree editor and the CSV import: the tree nests by parent, edits go to the server, and
// a refused CSV lists every bad line with its number (nothing is imported, says the server).
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { errorReply, jsonReply } from '../support/staff-server';

describe('units', () => {
  beforeEach(resetOfflineDb);

  it('draws the tree as nested lists with type, employees and open kiosk', async () => {
    await renderAdmin({ path: '/admin/enheter' });
    await h1('Enheter');
    const avd2 = (await screen.findByText('Avdeling 2')).closest('li')!;
    // helse > solbakken > avd2: two lists above the department's own.
    expect(avd2.parentElement!.closest('li')!.querySelector('.unit-row__name')!.textContent).toBe(
      'Solbakken sykehjem',
    );
    expect(within(avd2).getByText('Sykehjem · 20 ansatte · åpen kiosk')).toBeInTheDocument();
    // Only a unit with nothing below it offers delete.
    expect(screen.queryByRole('button', { name: 'Slett Helse og omsorg' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Slett Avdeling 2' })).toBeInTheDocument();
  });

  it('adds a unit below another with name, type, employees and open kiosk', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    await user.click(await screen.findByRole('button', { name: 'Legg til under Solbakken sykehjem' }));
    await user.type(screen.getByLabelText('Navn på enheten'), 'Avdeling 3');
    await user.selectOptions(screen.getByLabelText('Tjenestetype'), 'sykehjem');
    await user.type(screen.getByLabelText('Antall ansatte'), '12');
    await user.click(screen.getByLabelText('Åpen kiosk'));
    await user.click(screen.getByRole('button', { name: 'Legg til' }));
    await screen.findByText('Avdeling 3');
    expect(server.calls('POST', '/units')[0]!.body).toEqual({
      name: 'Avdeling 3',
      unitType: 'sykehjem',
      employeeCount: 12,
      openKiosk: true,
      parentId: 'solbakken',
    });
  });

  it('renames a unit in place', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    await user.click(await screen.findByRole('button', { name: 'Endre Avdeling 2' }));
    const name = screen.getByLabelText('Navn på enheten');
    await user.clear(name);
    await user.type(name, 'Avdeling 2 sør');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByText('Avdeling 2 sør');
    expect(server.calls('PATCH', '/units/avd2')[0]!.body).toMatchObject({ name: 'Avdeling 2 sør' });
  });

  it('deletes after asking, and explains UNIT_IN_USE', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    server.on('DELETE', '/units/avd2', () => errorReply(409, 'UNIT_IN_USE'));
    await user.click(await screen.findByRole('button', { name: 'Slett Avdeling 2' }));
    expect(screen.getByText('Slette Avdeling 2?')).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ja, slett' }));
    await user.click(screen.getByRole('button', { name: 'Ja, slett' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/kan ikke slettes/);
  });

  it('shows every bad CSV line with its number and message, and moves focus there', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    server.on('POST', '/units/import', () =>
      errorReply(400, 'CSV_INVALID', {
        lines: [
          {
            line: 3,
            problem: 'EMPLOYEES_NOT_WHOLE',
            values: { value: 'mange' },
            message: 'employee_count must be a whole number, not "mange"',
          },
          {
            line: 5,
            problem: 'UNKNOWN_UNIT_TYPE',
            values: { value: 'Grunnskule' },
            message: 'unknown unit_type "Grunnskule"',
          },
        ],
      }),
    );
    const csv = await screen.findByLabelText('Eller lim inn innholdet her');
    await user.type(csv, 'id;parent_id;name;unit_type;employee_count{enter}a;;A;;mange');
    await user.click(screen.getByRole('button', { name: 'Importer' }));

    const list = await screen.findByRole('alert');
    expect(list.textContent).toContain('Ingenting ble importert. 2 linjer må rettes:');
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // Said in the reader's language from the problem code and its values, not the server's English.
    expect(items).toEqual([
      'Linje 3: Antall ansatte må være et helt tall, ikke «mange».',
      'Linje 5: Ukjent enhetstype «Grunnskule». Se listen over typer du kan bruke.',
    ]);
    expect(document.activeElement).toBe(list);
    expect(csv.getAttribute('aria-invalid')).toBe('true');
    expect(csv.getAttribute('aria-describedby')).toContain(list.id);
    // The CSV went as text, not JSON.
    const [sent] = server.calls('POST', '/units/import');
    expect(sent!.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(sent!.body).toBe('id;parent_id;name;unit_type;employee_count\na;;A;;mange');
  });

  it('reports what an accepted import did and reloads the tree', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    server.on('POST', '/units/import', () => {
      server.state.units.push({
        id: 'ny',
        parentId: null,
        name: 'Kultur',
        unitType: null,
        employeeCount: 7,
        openKiosk: false,
      });
      return jsonReply(200, { created: 1, updated: 0 });
    });
    await user.type(
      await screen.findByLabelText('Eller lim inn innholdet her'),
      'id;parent_id;name;unit_type;employee_count{enter}ny;;Kultur;;7',
    );
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    const result = await screen.findByText(/^Importert:/);
    expect(result.textContent).toBe('Importert: 1 nye og 0 oppdaterte enheter.');
    // The button was busy (unfocusable) while it ran: focus lands on the result, not on the body.
    expect(result).toHaveFocus();
    await screen.findByText('Kultur');
  });

  it('asks for a file or text before sending an empty import', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    await user.click(await screen.findByRole('button', { name: 'Importer' }));
    expect(screen.getByText('Velg en fil eller lim inn CSV-teksten først.')).toBeInTheDocument();
    await waitFor(() => expect(server.calls('POST', '/units/import')).toHaveLength(0));
  });

  it('moves focus to the reason when an import fails for a reason other than bad lines', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    server.on('POST', '/units/import', () => errorReply(503, 'DATABASE_UNAVAILABLE'));
    await user.type(await screen.findByLabelText('Eller lim inn innholdet her'), 'id;parent_id;name');
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByRole('alert')).toHaveFocus();
  });

  it('after adding a top unit, focus is on the message saying so; after cancelling, on the button again', async () => {
    const { user } = await renderAdmin({ path: '/admin/enheter' });
    const add = await screen.findByRole('button', { name: 'Legg til enhet på øverste nivå' });
    await user.click(add);
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(screen.getByRole('button', { name: 'Legg til enhet på øverste nivå' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Legg til enhet på øverste nivå' }));
    await user.type(screen.getByLabelText('Navn på enheten'), 'Kultur');
    await user.click(screen.getByRole('button', { name: 'Legg til' }));
    expect(await screen.findByText('Enheten er lagt til i treet over.')).toHaveFocus();
  });

  it('lists the unit types the import accepts, in the screen language', async () => {
    await renderAdmin({ path: '/admin/enheter' });
    const list = await screen.findByRole('list', {
      name: /^Enhetstyper du kan bruke i kolonnen unit_type/,
    });
    const types = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((text) => /^.+ \([a-z0-9_-]+\)$/.test(text ?? ''))).toBe(true);
  });

  it("falls back to the server's English words for a problem this build does not know", async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter' });
    server.on('POST', '/units/import', () => ({
      status: 400,
      body: {
        error: { code: 'CSV_INVALID', message: '1 line is wrong' },
        lines: [{ line: 2, problem: 'SOMETHING_NEW', values: {}, message: 'something new is wrong' }],
      },
    }));
    await user.type(await screen.findByLabelText('Eller lim inn innholdet her'), 'x');
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    const item = within(await screen.findByRole('alert')).getByRole('listitem');
    expect(item.textContent).toBe('Linje 2: something new is wrong');
    expect(within(item).getByText('something new is wrong')).toHaveAttribute('lang', 'en');
  });
});
