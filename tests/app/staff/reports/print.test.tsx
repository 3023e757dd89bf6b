// The print view for the analysis meeting: a cover with unit, round, period and response rate, the
// overview table, two factors to a page, a print button, and never the open answers.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { meAs } from '../support/staff-server';
import { reportRoutes, suppressedReport, unitReport } from '../support/report-fixtures';

const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

describe('report print view', () => {
  beforeEach(resetOfflineDb);

  it('lays out a cover, the overview and two factors to a page, without open answers', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { user } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken/utskrift',
      state: { me: LEADER },
      routes: reportRoutes({ reports: { solbakken: unitReport({ openAnswers: ['Et hemmelig svar'] }) } }),
    });
    await h1('Resultater for Solbakken sykehjem');
    const cover = screen.getByRole('region', { name: 'Resultater for Solbakken sykehjem' });
    expect(within(cover).getByText('Medarbeiderundersøkelsen om ti faktorer')).toBeInTheDocument();
    expect(within(cover).getByText('Demo kommune')).toBeInTheDocument();
    expect(within(cover).getByText('Medarbeiderundersøkelsen 2026, 2.–15. mars 2026')).toBeInTheDocument();
    expect(within(cover).getByText('482 av 740 har svart')).toBeInTheDocument();

    const pages = document.querySelectorAll('.report-print__page');
    // The overview, then the ten factors two to a sheet (reports.css), in the report's order.
    expect(pages).toHaveLength(6);
    expect(within(pages[0] as HTMLElement).getByRole('heading', { level: 2 }).textContent).toBe('Oversikt');
    const onPage = (i: number) =>
      within(pages[i] as HTMLElement)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent);
    expect(onPage(1)).toEqual(['Indre motivasjon', 'Mestringstro']);
    expect(onPage(5)).toHaveLength(2);
    expect(document.body.textContent).not.toContain('hemmelig');
    expect(screen.queryByRole('heading', { name: 'Åpne svar' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Tilbake til rapporten' }).getAttribute('href')).toBe(
      '/admin/rapporter/r1/solbakken',
    );
  });

  it('prints only the "too few answers" box for a suppressed unit', async () => {
    await renderAdmin({
      path: '/admin/rapporter/r1/avd2/utskrift',
      state: { me: LEADER },
      routes: reportRoutes({ reports: { avd2: suppressedReport() } }),
    });
    await h1('Resultater for Avdeling 2');
    expect(screen.getByRole('heading', { name: 'For få svar til å vise resultater' })).toBeInTheDocument();
    expect(document.querySelectorAll('.report-print__page')).toHaveLength(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('is reached from the report through "Skriv ut / lagre som PDF"', async () => {
    const { user } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: LEADER },
      routes: reportRoutes({ reports: { solbakken: unitReport() } }),
    });
    await h1('Resultater for Solbakken sykehjem');
    await user.click(screen.getByRole('link', { name: 'Skriv ut / lagre som PDF' }));
    expect(await screen.findByRole('button', { name: 'Skriv ut' })).toBeInTheDocument();
  });
});
