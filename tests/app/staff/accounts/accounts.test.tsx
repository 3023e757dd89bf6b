// Accounts and roles: create with roles per unit, change roles, delete; the server's LAST_ADMIN
// refusal is explained.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../../src/shared/api/staff';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { errorReply } from '../support/staff-server';

const account = (id: string, displayName: string, roles: Account['roles']): Account => ({
  id,
  username: displayName.toLowerCase().replace(/ /g, '.'),
  displayName,
  municipalityId: 'm1',
  roles,
  createdOn: '2026-11-20',
});

const ACCOUNTS = [
  account('user-1', 'Kari Nordmann', [{ role: 'admin', unitId: null }]),
  account('a2', 'Ola Leder', [
    { role: 'leader', unitId: 'solbakken' },
    { role: 'safety_rep', unitId: 'avd2' },
  ]),
];

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('accounts and roles', () => {
  beforeEach(resetOfflineDb);

  it('lists accounts with their roles on units and the date in Norwegian', async () => {
    await renderAdmin({ path: '/admin/kontoer', state: { accounts: structuredClone(ACCOUNTS) } });
    await h1('Kontoer og roller');
    await screen.findByText('Leder: Solbakken sykehjem');
    const ola = within(rowOf('Ola Leder'));
    expect(ola.getByText('Verneombud: Avdeling 2')).toBeInTheDocument();
    expect(ola.getByText('20. november 2026')).toBeInTheDocument();
    // One's own account cannot be deleted from here.
    expect(within(rowOf('Kari Nordmann')).queryByRole('button', { name: /^Slett/ })).not.toBeInTheDocument();
  });

  it('creates an account with a leader role on a unit and a union rep role on another', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/kontoer',
      state: { accounts: structuredClone(ACCOUNTS) },
    });
    await screen.findByText('Leder: Solbakken sykehjem');
    await user.click(screen.getByRole('button', { name: 'Lag en ny konto' }));
    await user.type(screen.getByLabelText('Brukernavn'), 'per.tillit');
    await user.type(screen.getByLabelText('Navn'), 'Per Tillit');
    await user.type(screen.getByLabelText('Første passord'), 'et langt passord');
    await user.type(screen.getByLabelText('Gjenta passordet'), 'et langt passord');
    await user.selectOptions(screen.getByLabelText('Enhet for rolle 1'), 'avd2');
    await user.click(screen.getByRole('button', { name: 'Legg til rolle' }));
    await user.selectOptions(screen.getByLabelText('Rolle 2'), 'union_rep');
    await user.selectOptions(screen.getByLabelText('Enhet for rolle 2'), 'solbakken');
    await user.click(screen.getByRole('button', { name: 'Opprett konto' }));

    await screen.findByRole('rowheader', { name: 'Per Tillit' });
    // The form is gone: focus is on the message that says the account was made.
    expect(screen.getByText('Kontoen er opprettet og står i tabellen over.')).toHaveFocus();
    expect(server.calls('POST', '/accounts')[0]!.body).toEqual({
      username: 'per.tillit',
      displayName: 'Per Tillit',
      password: 'et langt passord',
      roles: [
        { role: 'leader', unitId: 'avd2' },
        { role: 'union_rep', unitId: 'solbakken' },
      ],
    });
  });

  it('checks the new account in the browser first: username, short password, mismatch', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/kontoer' });
    await user.click(await screen.findByRole('button', { name: 'Lag en ny konto' }));
    await user.type(screen.getByLabelText('Brukernavn'), 'a b');
    await user.type(screen.getByLabelText('Første passord'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Opprett konto' }));
    expect(screen.getByLabelText('Brukernavn').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Skriv inn navnet.')).toBeInTheDocument();
    expect(screen.getByText('Passordet må ha minst 12 tegn.')).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByLabelText('Brukernavn'));
    expect(server.calls('POST', '/accounts')).toHaveLength(0);
  });

  it('changes roles: an admin role needs no unit', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/kontoer',
      state: { accounts: structuredClone(ACCOUNTS) },
    });
    await user.click(await screen.findByRole('button', { name: 'Endre roller for Ola Leder' }));
    const form = screen.getByRole('form', { name: 'Endre roller for Ola Leder' });
    await user.selectOptions(within(form).getByLabelText('Rolle 2'), 'admin');
    expect(within(form).queryByLabelText('Enhet for rolle 2')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Lagre' }));
    await within(rowOf('Ola Leder')).findByText('Administrator', { selector: 'li' });
    expect(server.calls('PUT', '/accounts/a2/roles')[0]!.body).toEqual({
      roles: [
        { role: 'leader', unitId: 'solbakken' },
        { role: 'admin', unitId: null },
      ],
    });
  });

  it('deletes after asking, and explains LAST_ADMIN', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/kontoer',
      state: { accounts: structuredClone(ACCOUNTS) },
    });
    server.on('DELETE', '/accounts/a2', () => errorReply(409, 'LAST_ADMIN'));
    await user.click(await screen.findByRole('button', { name: 'Slett Ola Leder' }));
    await user.click(within(rowOf('Ola Leder')).getByRole('button', { name: 'Slett' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Det kan ikke gjøres: kommunen må ha minst én administrator.',
    );
  });
});
