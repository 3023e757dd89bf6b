// The report list: every staff role finds "Rapporter" in the menu; each round offers the
// municipality overview and the person's units in tree order, marked when they have too few
// answers; the heat map for those with several units and for admins; and an empty state that says
// when reports appear.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../../../src/shared/api/staff';
import { resetOfflineDb } from '../../support/offline';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { ADMIN, meAs } from '../support/staff-server';
import { defaultRoundEntry, reportRound, reportRoutes, roundList } from '../support/report-fixtures';

async function openList(roles: RoleAssignment[], rounds = roundList()) {
  const view = await renderAdmin({
    path: '/admin/rapporter',
    state: { me: meAs(roles) },
    routes: reportRoutes({ rounds }),
  });
  await h1('Rapporter');
  return view;
}

describe('report list', () => {
  beforeEach(resetOfflineDb);

  it.each(['leader', 'union_rep', 'safety_rep'] as const)('is in the menu for a %s', async (role) => {
    const { user } = await renderAdmin({
      path: '/admin',
      state: { me: meAs([{ role, unitId: 'solbakken' }]) },
      routes: reportRoutes({}),
    });
    const nav = await screen.findByRole('navigation', { name: 'Administrasjon' });
    await user.click(within(nav).getByRole('link', { name: 'Rapporter' }));
    await h1('Rapporter');
    expect(currentPath()).toBe('/admin/rapporter');
    // Focus follows to the new screen's heading, also when its texts arrive after the click.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Rapporter' })),
    );
    expect(within(nav).queryByRole('link', { name: 'Nasjonale tall' })).not.toBeInTheDocument();
  });

  it('offers the municipality overview and the units in tree order, marking those with too few answers', async () => {
    await openList([{ role: 'leader', unitId: 'solbakken' }]);
    const round = await screen.findByRole('listitem', { name: 'Medarbeiderundersøkelsen 2026' });
    expect(within(round).getByText('2.–15. mars 2026')).toBeInTheDocument();
    expect(
      within(round).getByRole('link', { name: 'Hele kommunen: Helse og omsorg' }).getAttribute('href'),
    ).toBe('/admin/rapporter/r1/helse');
    const units = within(round).getByRole('heading', { level: 3, name: 'Enhetene dine' }).nextElementSibling!;
    const items = within(units as HTMLElement).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Solbakken sykehjem', 'Avdeling 2Tall skjult']);
    expect(items.map((li) => li.style.paddingInlineStart)).toEqual(['0rem', '1.25rem']);
    expect(within(items[1]!).getByRole('link', { name: 'Avdeling 2' }).getAttribute('href')).toBe(
      '/admin/rapporter/r1/avd2',
    );
    // Two units of their own: the heat map is worth it.
    expect(
      within(round).getByRole('link', { name: 'Se alle enhetene i et varmekart' }).getAttribute('href'),
    ).toBe('/admin/rapporter/r1/varmekart');
  });

  it('offers no heat map to a leader of a single unit, but always to an admin', async () => {
    const single = roundList([{ ...defaultRoundEntry(), units: defaultRoundEntry().units.slice(0, 2) }]);
    const view = await openList([{ role: 'leader', unitId: 'solbakken' }], single);
    await screen.findByRole('link', { name: 'Solbakken sykehjem' });
    expect(screen.queryByRole('link', { name: 'Se alle enhetene i et varmekart' })).not.toBeInTheDocument();
    view.unmount();

    await openList(ADMIN, single);
    expect(await screen.findByRole('link', { name: 'Se alle enhetene i et varmekart' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Alle enheter' })).toBeInTheDocument();
  });

  it('lists rounds newest first as the server sends them, and marks an unpublished one for admins', async () => {
    await openList(
      ADMIN,
      roundList([
        defaultRoundEntry(reportRound({ id: 'r2', name: 'Runde 2027', status: 'closed' })),
        defaultRoundEntry(reportRound()),
      ]),
    );
    const titles = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(titles).toEqual(['Runde 2027', 'Medarbeiderundersøkelsen 2026']);
    const first = screen.getByRole('listitem', { name: 'Runde 2027' });
    expect(within(first).getByText('Ikke publisert')).toBeInTheDocument();
  });

  it('explains that reports appear once a round is published', async () => {
    await openList([{ role: 'union_rep', unitId: 'avd2' }], roundList([]));
    expect(
      await screen.findByText(
        'Ingen rapporter ennå. Rapportene kommer her når en runde er avsluttet og resultatene er publisert.',
      ),
    ).toBeInTheDocument();
  });
});
