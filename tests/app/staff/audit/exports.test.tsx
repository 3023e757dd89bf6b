// A report's CSV and print view are in the audit log (issue 15): the browser tells the server
// first and makes the file, or shows the print view, only once the server has the entry.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { reportRoutes, unitReport } from '../support/report-fixtures';
import { errorReply, meAs } from '../support/staff-server';

const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

function countDownloads() {
  const made: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    made.push(blob as Blob);
    return `blob:${made.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return made;
}

describe('exports in the audit log', () => {
  beforeEach(resetOfflineDb);

  it('logs the CSV with its round and unit before making it', async () => {
    const made = countDownloads();
    const { user, server } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: LEADER },
      routes: reportRoutes({ reports: { solbakken: unitReport({}) } }),
    });
    await h1('Resultater for Solbakken sykehjem');
    await user.click(screen.getByRole('button', { name: 'Last ned tabell (CSV)' }));
    await vi.waitFor(() => expect(made).toHaveLength(1));
    expect(server.calls('POST', '/audit/exports').map((r) => r.body)).toEqual([
      { kind: 'csv', subject: 'report', roundId: 'r1', unitId: 'solbakken' },
    ]);
  });

  it('makes no CSV when the server does not take the entry', async () => {
    const made = countDownloads();
    const { user } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: LEADER },
      routes: (fake) => {
        reportRoutes({ reports: { solbakken: unitReport({}) } })(fake);
        fake.on('POST', '/audit/exports', () => errorReply(503, 'DATABASE_UNAVAILABLE'));
      },
    });
    await h1('Resultater for Solbakken sykehjem');
    await user.click(screen.getByRole('button', { name: 'Last ned tabell (CSV)' }));
    await screen.findByRole('alert');
    expect(made).toHaveLength(0);
  });

  it('shows the print view only once the print is logged', async () => {
    const { server } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken/utskrift',
      state: { me: LEADER },
      routes: (fake) => {
        reportRoutes({ reports: { solbakken: unitReport({}) } })(fake);
        fake.on('POST', '/audit/exports', () => errorReply(503, 'DATABASE_UNAVAILABLE'));
      },
    });
    await screen.findByRole('alert');
    expect(server.calls('POST', '/audit/exports').map((r) => r.body)).toEqual([
      { kind: 'print', subject: 'report', roundId: 'r1', unitId: 'solbakken' },
    ]);
    expect(
      screen.queryByRole('heading', { name: 'Resultater for Solbakken sykehjem' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Skriv ut/ })).toBeDisabled();
  });
});
