// The audit log screen (issue 15): the privacy officer lands on it and sees only it in the menu;
// entries read in words, to the minute in Oslo time; the search sends the chosen filters and the
// CSV link carries the same; every action has a text in nb, nn and en.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../src/shared/api/audit';
import { AUDIT_ACTIONS } from '../../../../src/shared/audit';
import { actionKey } from '../../../../src/app/staff/audit/audit-texts';
import en from '../../../../locales/en/audit.json';
import nb from '../../../../locales/nb/audit.json';
import nn from '../../../../locales/nn/audit.json';
import { resetOfflineDb } from '../../support/offline';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { ADMIN, meAs } from '../support/staff-server';

const OFFICER = [{ role: 'privacy_officer' as const, unitId: null }];

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: '2026-03-10T11:05Z',
  actorId: 'u-leader',
  actorName: 'Lise Leder (lise)',
  action: 'report.open_answers.read',
  unitId: 'solbakken',
  unitName: 'Solbakken sykehjem',
  roundId: 'r1',
  roundName: 'Medarbeiderundersøkelsen 2026',
  detail: null,
  ...fields,
});

describe('the audit log screen', () => {
  beforeEach(resetOfflineDb);

  it('is where a privacy officer lands, in a menu of the settings, the records and the log only', async () => {
    await renderAdmin({ path: '/admin', state: { me: meAs(OFFICER) } });
    await h1('Revisjonslogg');
    expect(currentPath()).toBe('/admin/revisjonslogg');
    const nav = screen.getByRole('navigation', { name: 'Administrasjon' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Kommunen', 'Personvern', 'Revisjonslogg']);
  });

  it('shows each entry in words, to the minute in Oslo time', async () => {
    await renderAdmin({
      path: '/admin/revisjonslogg',
      state: {
        me: meAs(ADMIN),
        auditEntries: [
          entry({}),
          entry({
            id: 'e2',
            action: 'retention.answers_deleted',
            actorId: null,
            actorName: null,
            unitId: null,
            unitName: null,
            detail: '120',
          }),
        ],
      },
    });
    const table = await screen.findByRole('table', { name: 'Oppføringer, nyeste først' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      [
        '10. mars 2026 12.05',
        'Lise Leder (lise)',
        'Leste åpne svar',
        'Solbakken sykehjem',
        'Medarbeiderundersøkelsen 2026',
        '',
      ],
      [
        '10. mars 2026 12.05',
        'Systemet',
        'Svar slettet etter lagringstid',
        '',
        'Medarbeiderundersøkelsen 2026',
        '120',
      ],
    ]);
  });

  it('sends the chosen filters, and the CSV link carries the same search', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/revisjonslogg',
      state: {
        me: meAs(OFFICER),
        accounts: [
          {
            id: 'u-leader',
            username: 'lise',
            displayName: 'Lise Leder',
            municipalityId: 'm1',
            roles: [],
            createdOn: '2026-01-01',
          },
        ],
      },
    });
    await screen.findByText('Ingen oppføringer passer søket.');
    await user.selectOptions(await screen.findByLabelText('Person'), 'Lise Leder (lise)');
    await user.selectOptions(screen.getByLabelText('Enhet'), 'Solbakken sykehjem');
    await user.selectOptions(screen.getByLabelText('Hva'), 'Leste åpne svar');
    await user.type(screen.getByLabelText('Fra dato'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    const wanted = 'actor=u-leader&unit=solbakken&action=report.open_answers.read&from=2026-03-01';
    await screen.findByRole('link', { name: 'Last ned CSV' });
    await expect
      .poll(() => server.requests.map((r) => r.path).filter((p) => p === '/audit-log').length)
      .toBe(2);
    const sent = server.requests.filter((r) => r.method === 'GET' && r.path === '/audit-log');
    expect(sent).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')).toBe(
      `/api/v1/audit-log/export?${wanted}`,
    );
  });

  it('has a text for every action in nb, nn and en', () => {
    for (const texts of [nb, nn, en]) {
      for (const action of AUDIT_ACTIONS) expect(texts.actions[actionKey(action)], action).toMatch(/\S/);
      expect(Object.keys(texts.actions).sort()).toEqual(AUDIT_ACTIONS.map(actionKey).sort());
    }
  });
});
