// What an admin does for another person's sign-in (issue 15): a one-time password link shown once
// to copy, signing the person out everywhere, the privacy officer as a role for the whole
// municipality; and the page the link opens, which sets the password once.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../../src/shared/api/staff';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';

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
  account('a2', 'Ola Leder', [{ role: 'leader', unitId: 'solbakken' }]),
  account('a3', 'Pia Personvern', [{ role: 'privacy_officer', unitId: null }]),
];

const rowOf = (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr')!);

describe("an admin and another person's sign-in", () => {
  beforeEach(resetOfflineDb);

  it('makes a one-time password link, shown once to copy', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/kontoer',
      state: { accounts: structuredClone(ACCOUNTS) },
    });
    await h1('Kontoer og roller');
    await user.click(await screen.findByRole('button', { name: 'Lag lenke for nytt passord til Ola Leder' }));
    await user.click(screen.getByRole('button', { name: 'Lenke for nytt passord' }));
    const link = await screen.findByLabelText('Engangslenke for Ola Leder');
    expect((link as HTMLInputElement).value).toBe(`${window.location.origin}/nytt-passord/reset-token-abc`);
    expect(server.calls('POST', '/accounts/a2/password-reset')).toHaveLength(1);
    expect(screen.getByText(/Lenken til Ola Leder er laget\. Den vises bare nå/)).toBeInTheDocument();
    // No such buttons on one's own row.
    expect(rowOf('Kari Nordmann').queryByRole('button', { name: /nytt passord/ })).not.toBeInTheDocument();
  });

  it('signs a person out everywhere after asking', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/kontoer',
      state: { accounts: structuredClone(ACCOUNTS) },
    });
    await user.click(await screen.findByRole('button', { name: 'Logg ut overalt for Ola Leder' }));
    expect(screen.getByText('Logge ut Ola Leder på alle enheter nå?')).toBeInTheDocument();
    await user.click(rowOf('Ola Leder').getByRole('button', { name: 'Logg ut overalt' }));
    await screen.findByText('Ola Leder er logget ut overalt.');
    expect(server.calls('POST', '/accounts/a2/sessions/end')).toHaveLength(1);
  });

  it('shows the privacy officer as a role for the whole municipality, with no unit to pick', async () => {
    const { user } = await renderAdmin({
      path: '/admin/kontoer',
      state: { accounts: structuredClone(ACCOUNTS) },
    });
    expect(await screen.findByText('Personvernombud')).toBeInTheDocument();
    await user.click(rowOf('Ola Leder').getByRole('button', { name: /Ola Leder/, expanded: false }));
    await user.selectOptions(screen.getByLabelText('Rolle 1'), 'privacy_officer');
    expect(screen.queryByLabelText('Enhet for rolle 1')).not.toBeInTheDocument();
  });
});

describe('the new password page', () => {
  beforeEach(resetOfflineDb);

  it('sets the new password once and sends the person to sign in', async () => {
    const { user, server } = await renderAdmin({
      path: '/nytt-passord/reset-token-abc',
      state: { signedIn: false },
    });
    await h1('Velg nytt passord');
    await screen.findByText(/for Kari Nordmann \(brukernavn kari\)/);
    await user.type(screen.getByLabelText('Passord'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Lagre nytt passord' }));
    expect(screen.getByText('Passordet må ha minst 12 tegn.')).toBeInTheDocument();
    expect(server.calls('POST', '/auth/password-reset')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Passord'));
    await user.type(screen.getByLabelText('Passord'), 'et langt nytt passord');
    await user.type(screen.getByLabelText('Gjenta passordet'), 'et langt nytt passord');
    await user.click(screen.getByRole('button', { name: 'Lagre nytt passord' }));
    await screen.findByText(/Det nye passordet er lagret/);
    expect(server.calls('POST', '/auth/password-reset')[0]!.body).toEqual({
      token: 'reset-token-abc',
      newPassword: 'et langt nytt passord',
    });
    expect(screen.getByRole('link', { name: 'Til innlogging' }).getAttribute('href')).toBe('/admin/logg-inn');
  });

  it('says so when the link is used, replaced or expired, without a form', async () => {
    await renderAdmin({ path: '/nytt-passord/old', state: { signedIn: false } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Denne lenken virker ikke/);
    expect(screen.queryByLabelText('Passord')).not.toBeInTheDocument();
  });
});
