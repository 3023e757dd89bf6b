// The staff menu follows the signed-in roles; the server decides for real, and its 403 is shown
// as a clear message rather than an empty screen.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../../../src/shared/api/staff';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { ADMIN, errorReply, meAs } from '../support/staff-server';

async function menuFor(roles: RoleAssignment[]) {
  const view = await renderAdmin({ path: '/admin', state: { me: meAs(roles) } });
  const nav = await screen.findByRole('navigation', { name: 'Administrasjon' });
  return {
    ...view,
    links: within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent),
  };
}

describe('staff navigation by role', () => {
  beforeEach(resetOfflineDb);

  it('shows an admin all twelve screens', async () => {
    const { links } = await menuFor(ADMIN);
    expect(links).toEqual([
      'Svarprosent',
      'Rapporter',
      'Oppfølging',
      'Forberedelse',
      'Kommunen',
      'Enheter',
      'Runder',
      'Koder',
      'Nettbrett',
      'Kontoer',
      'Nasjonale tall',
      'Personvern',
      'Innlogging',
      'Revisjonslogg',
    ]);
  });

  it('shows a leader their units, reports, codes and tablets', async () => {
    const { links } = await menuFor([{ role: 'leader', unitId: 'solbakken' }]);
    expect(links).toEqual(['Mine enheter', 'Rapporter', 'Oppfølging', 'Forberedelse', 'Koder', 'Nettbrett']);
  });

  it.each(['union_rep', 'safety_rep'] as const)('shows a %s only their units and reports', async (role) => {
    const { links, server } = await menuFor([{ role, unitId: 'avd2' }]);
    expect(links).toEqual(['Mine enheter', 'Rapporter', 'Oppfølging', 'Forberedelse']);
    await h1('Mine enheter');
    expect(await screen.findByText('Avdeling 2')).toBeInTheDocument();
    // The server shows response rates to leaders and admins only: not asked for.
    expect(server.calls('GET', '/rounds')).toHaveLength(0);
  });

  it('gives a person with several roles the union of their menus', async () => {
    const { links } = await menuFor([
      { role: 'safety_rep', unitId: 'avd2' },
      { role: 'leader', unitId: 'solbakken' },
    ]);
    expect(links).toEqual(['Mine enheter', 'Rapporter', 'Oppfølging', 'Forberedelse', 'Koder', 'Nettbrett']);
  });

  it('tells a leader who opens an admin screen by URL that they have no access, and asks nothing', async () => {
    const { server } = await renderAdmin({
      path: '/admin/kontoer',
      state: { me: meAs([{ role: 'leader', unitId: 'solbakken' }]) },
    });
    await h1('Ingen tilgang');
    expect(screen.getByText(/Du har ikke tilgang til dette/)).toBeInTheDocument();
    expect(server.calls('GET', '/accounts')).toHaveLength(0);
  });

  it('shows a clear message when the server answers 403', async () => {
    await renderAdmin({
      path: '/admin/kontoer',
      routes: (fake) => fake.on('GET', '/accounts', () => errorReply(403, 'FORBIDDEN_ROLE')),
    });
    await h1('Kontoer og roller');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Du har ikke tilgang til dette. Spør en administrator hvis du trenger tilgang.',
    );
  });

  it('marks the current screen in the menu', async () => {
    await renderAdmin({ path: '/admin/runder' });
    await h1('Runder');
    const nav = screen.getByRole('navigation', { name: 'Administrasjon' });
    expect(within(nav).getByRole('link', { name: 'Runder' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Svarprosent' })).not.toHaveAttribute('aria-current');
  });
});
