import userEvent from '@testing-library/user-event';
// One unit's report: Norwegian number formats ("4,3", "65,1 %", "+0,2"), the overview table with
// where the national figure comes from, a section per factor with its bars and distribution, and
// the anonymity rules as the screen sees them: a suppressed unit shows one box and no figure, a
// hidden cell says why, and open answers appear only when the server sent them.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { errorReply, meAs } from '../support/staff-server';
import { factorRow, reportRoutes, suppressedReport, unitReport } from '../support/report-fixtures';
import { FACTOR_IDS } from '../../../../src/shared/factors';
import type { UnitReportResponse } from '../../../../src/shared/api/reports';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

async function openReport(report: UnitReportResponse, language: 'nb' | 'nn' | 'en' = 'nb') {
  const view = await renderAdmin({
    path: `/admin/rapporter/r1/${report.unit.id}`,
    language,
    state: { me: LEADER },
    routes: reportRoutes({ reports: { [report.unit.id]: report } }),
  });
  return view;
}

const overview = () => screen.getByRole('table', { name: 'Snitt per faktor, på en skala fra 1 til 5' });
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('a unit report', () => {
  beforeEach(resetOfflineDb);

  it('shows the response rate as "65,1 %" and "482 av 740 har svart"', async () => {
    await openReport(unitReport());
    await h1('Resultater for Solbakken sykehjem');
    expect(document.querySelector('.report-rate__value')!.textContent).toBe(`Svarprosent 65,1${NBSP}%`);
    expect(screen.getByText('482 av 740 har svart')).toBeInTheDocument();
    expect(screen.getByText('Medarbeiderundersøkelsen 2026, 2.–15. mars 2026')).toBeInTheDocument();
  });

  it('fills the overview table with one decimal and a decimal comma, and the change with a sign', async () => {
    await openReport(
      unitReport({
        factors: FACTOR_IDS.map((id) =>
          id === 'autonomi' ? factorRow(id, { change: -0.1 }) : factorRow(id),
        ),
      }),
    );
    await h1('Resultater for Solbakken sykehjem');
    const table = overview();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Faktor', 'Enhet', 'Kommune', 'Snitt tjeneste Norge (Sykehjem)', 'Endring fra forrige runde']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Indre motivasjon');
    // 4.25 → 4,3 and 3.95 → 4,0: rounded half up, as printed everywhere else.
    expect(cells(rows[0]!)).toEqual(['4,3', '4,0', '4,1', '+0,2']);
    expect(cells(rows[2]!)).toEqual(['4,3', '4,0', '4,1', `${MINUS}0,1`]);
    expect(
      screen.getByText(
        'Endringen er regnet fra Medarbeiderundersøkelsen 2024, som ble avsluttet 15. mars 2024.',
      ),
    ).toBeInTheDocument();
  });

  it('says where the national figure comes from: this server, an imported source, or nowhere', async () => {
    const { unmount } = await openReport(unitReport());
    expect(
      await screen.findByText('Snitt tjeneste Norge er regnet ut fra 4 kommuner som bruker tifaktor, 2026.'),
    ).toBeInTheDocument();
    // No release named: nothing is said about one.
    expect(screen.queryByText(/nasjonal utgave/)).toBeNull();
    unmount();

    // A release: its version and the day it was made (in Norway: 23.30 UTC on 30 November is
    // 1 December), in bokmål and nynorsk.
    const release = { id: 'rel-7', version: 3, releasedAt: '2026-11-30T23:30:00.000Z' };
    const released = await openReport(unitReport({ national: { ...unitReport().national, release } }));
    expect(
      await screen.findByText(
        'Snitt tjeneste Norge er regnet ut fra 4 kommuner som bruker tifaktor, 2026. Tallene er nasjonal ' +
          'utgave 3, laget 1. desember 2026, og endrer seg ikke når flere runder publiseres.',
      ),
    ).toBeInTheDocument();
    released.unmount();
    const nynorsk = await openReport(unitReport({ national: { ...unitReport().national, release } }), 'nn');
    expect(await screen.findByText(/Tala er nasjonal utgåve 3, laga 1\. desember 2026/)).toBeInTheDocument();
    nynorsk.unmount();

    const imported = await openReport(
      unitReport({
        national: { ...unitReport().national, source: 'imported', importedSource: 'KS 10-FAKTOR 2026' },
      }),
    );
    expect(
      await screen.findByText('Snitt tjeneste Norge er hentet fra KS 10-FAKTOR 2026 (2026).'),
    ).toBeInTheDocument();
    imported.unmount();

    await openReport(
      unitReport({
        national: { ...unitReport().national, source: 'none', unitType: null, unitTypeLabel: null },
        factors: FACTOR_IDS.map((id) => factorRow(id, { national: null })),
      }),
    );
    expect(
      await screen.findByText('Det finnes ikke noe nasjonalt snitt for denne tjenesten ennå.'),
    ).toBeInTheDocument();
    const row = within(overview()).getAllByRole('row')[1]!;
    expect(cells(row)[2]).toBe('–ingen nasjonale tall');
    expect(
      within(overview()).getByRole('columnheader', { name: 'Snitt Norge (alle tjenester)' }),
    ).toBeInTheDocument();
  });

  it('gives every factor a section with its definition, its three averages and its answer distribution', async () => {
    await openReport(unitReport());
    await h1('Resultater for Solbakken sykehjem');
    const section = screen.getByRole('region', { name: 'Indre motivasjon' });
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Indre motivasjon');
    expect(section.querySelector('.report-factor__short')!.textContent).not.toBe('');

    const bars = within(section).getByRole('table', { name: 'Snitt for Indre motivasjon, skala 1–5' });
    const barRows = within(bars)
      .getAllByRole('row')
      .filter((r) => within(r).queryByRole('rowheader'));
    expect(barRows.map((r) => [within(r).getByRole('rowheader').textContent, cells(r)[0]])).toEqual([
      ['Enhet', '4,3'],
      ['Kommune', '4,0'],
      ['Snitt tjeneste Norge (Sykehjem)', '4,1'],
    ]);

    const dist = within(section).getByRole('table', {
      name: 'Slik fordeler svarene seg for Indre motivasjon',
    });
    const distRows = within(dist).getAllByRole('row').slice(1);
    expect(distRows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Svært uenig',
      'Delvis uenig',
      'Verken enig eller uenig',
      'Delvis enig',
      'Svært enig',
    ]);
    expect(cells(distRows[3]!)).toEqual([`46,6${NBSP}%`, `40,0${NBSP}%`]);
    expect(cells(distRows[4]!)).toEqual([`23,4${NBSP}%`, `20,0${NBSP}%`]);
    // The stacked bar repeats the shares for the eye only, rounded to whole per cent.
    const segments = section
      .querySelectorAll('.report-dist__bars .report-dist__row')[0]!
      .querySelectorAll('.report-dist__segment');
    expect([...segments].map((s) => s.textContent)).toEqual([
      '',
      `10${NBSP}%`,
      `15${NBSP}%`,
      `47${NBSP}%`,
      `23${NBSP}%`,
    ]);
    expect(section.querySelector('.report-dist__bars')!.getAttribute('aria-hidden')).toBe('true');
    expect(
      screen.getAllByRole('region', { name: /./ }).filter((r) => r.classList.contains('report-factor')),
    ).toHaveLength(10);
  });

  it('shows a hidden factor cell as a dash that says why', async () => {
    await openReport(
      unitReport({
        factors: FACTOR_IDS.map((id) => (id === 'autonomi' ? factorRow(id, { unit: null }) : factorRow(id))),
      }),
    );
    await h1('Resultater for Solbakken sykehjem');
    const row = within(overview()).getByRole('row', { name: /^Autonomi/ });
    const [unitCell] = within(row).getAllByRole('cell');
    expect(unitCell!.textContent).toBe('–skjult: for få svar, eller for å beskytte en mindre gruppe');
    expect(unitCell!.querySelector('[aria-hidden="true"]')!.textContent).toBe('–');
    const section = screen.getByRole('region', { name: 'Autonomi' });
    expect(
      within(section).getByText(
        'Tallene for enheten er skjult for denne faktoren fordi for få har svart på den.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a unit with too few answers only the "too few answers" box, and no figure anywhere', async () => {
    await openReport(suppressedReport());
    await h1('Resultater for Avdeling 2');
    expect(
      screen.getByRole('heading', { level: 2, name: 'For få svar til å vise resultater' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Resultatene vises bare når minst 5 har svart. Slik kan ingen regne seg fram til hva den enkelte har svart.',
      ),
    ).toBeInTheDocument();
    const main = document.getElementById('main')!;
    expect(main.textContent).not.toMatch(/\d,\d|%/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Last ned tabell (CSV)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Skriv ut / lagre som PDF' })).not.toBeInTheDocument();
    expect(screen.queryByText('Åpne svar')).not.toBeInTheDocument();
  });

  it('explains when a unit is hidden to protect a smaller group', async () => {
    await openReport(suppressedReport('protects-other'));
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Resultatene er skjult for å beskytte en mindre gruppe',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/ville gjort det mulig å regne seg fram til resultatene for en gruppe/),
    ).toBeInTheDocument();
    expect(document.getElementById('main')!.textContent).not.toMatch(/\d,\d|%/);
  });

  it('lists the open answers with the warning when the server sends them', async () => {
    await openReport(unitReport({ openAnswers: ['Mer tid til opplæring', 'Godt samhold på vakta'] }));
    const section = await screen.findByRole('region', { name: 'Åpne svar' });
    expect(within(section).getByText(/tilfeldig rekkefølge og uten dato/).textContent).toContain(
      'Ikke del dem videre',
    );
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Mer tid til opplæring', 'Godt samhold på vakta']);
  });

  it('says that open answers of sub-units with fewer answers of their own are left out', async () => {
    await openReport(unitReport({ openAnswers: ['Mer tid'] }));
    const section = await screen.findByRole('region', { name: 'Åpne svar' });
    expect(section.textContent).toContain('som selv har færre enn 10 svar, er ikke med');
  });

  it("says why there are no open answers when the unit's group is below the open-answer threshold", async () => {
    await openReport(unitReport({ openAnswers: null, openAnswersHidden: 'too-few' }));
    const hidden = await screen.findByRole('region', { name: 'Åpne svar' });
    expect(hidden.textContent).toContain('bare for en gruppe med minst 10 svar');
    expect(within(hidden).queryAllByRole('listitem')).toEqual([]);
  });

  it('has no open-answer section when the server sends none', async () => {
    await openReport(unitReport({ openAnswers: null }));
    await h1('Resultater for Solbakken sykehjem');
    expect(screen.queryByRole('heading', { name: 'Åpne svar' })).not.toBeInTheDocument();
  });

  it('says so when the round had the open question but nobody wrote anything', async () => {
    await openReport(unitReport({ openAnswers: [] }));
    expect(await screen.findByText('Ingen skrev noe i det åpne feltet.')).toBeInTheDocument();
  });

  it('shows the municipality overview with its background breakdown and hidden groups marked', async () => {
    await openReport(
      unitReport({
        unit: { id: 'helse', name: 'Helse og omsorg', parentId: null, unitType: null },
        isMunicipality: true,
        previousRound: null,
        background: [
          {
            questionId: 'gender',
            label: { nb: 'Kjønn', nn: 'Kjønn', en: 'Gender' },
            groups: [
              {
                value: 'woman',
                label: { nb: 'Kvinne', nn: 'Kvinne', en: 'Woman' },
                visible: true,
                responses: 320,
                averages: FACTOR_IDS.map(() => 4.16),
              },
              {
                value: 'other',
                label: { nb: 'Annet', nn: 'Anna', en: 'Other' },
                visible: false,
                responses: null,
                averages: FACTOR_IDS.map(() => null),
              },
            ],
          },
        ],
      }),
    );
    await h1('Resultater for Helse og omsorg');
    expect(
      screen.getByText('Dette er oversikten for hele Demo kommune: alle enhetene i runden samlet.'),
    ).toBeInTheDocument();
    // The municipality is the unit: no separate unit column, and no change without a previous round.
    expect(
      within(overview())
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Faktor', 'Kommune', 'Snitt tjeneste Norge (Sykehjem)']);

    const section = screen.getByRole('region', { name: 'Fordelt på bakgrunn' });
    expect(within(section).getByRole('heading', { level: 3, name: 'Kjønn' })).toBeInTheDocument();
    const table = within(section).getByRole('table', { name: 'Snitt per faktor fordelt på Kjønn' });
    const [woman, other] = within(table).getAllByRole('row').slice(1);
    expect(cells(woman!).slice(0, 3)).toEqual([`320`, '4,2', '4,2']);
    expect(within(other!).getByRole('rowheader').textContent).toBe('AnnetTall skjult');
    expect(
      cells(other!).every((text) => text === '–skjult: for få svar, eller for å beskytte en mindre gruppe'),
    ).toBe(true);
    // Full factor names for a screen reader behind the short column headers.
    expect(within(table).getAllByRole('columnheader')[2]!.textContent).toBe('Indre motiv.Indre motivasjon');
  });

  it('says plainly when the report is not published yet', async () => {
    await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: LEADER },
      routes: (server) =>
        server.on('GET', '/reports/rounds/r1/units/solbakken', () => errorReply(409, 'REPORT_NOT_AVAILABLE')),
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Rapporten er ikke klar ennå. Ledere, tillitsvalgte og verneombud ser resultatene når runden er publisert.',
    );
  });

  it("opens in the municipality's language, and writes numbers the English way once English is picked", async () => {
    // The device was showing English, but the report belongs to a nynorsk municipality.
    const nn = await openReport(
      { ...unitReport(), municipality: { ...unitReport().municipality, language: 'nn' } },
      'en',
    );
    await h1('Resultat for Solbakken sykehjem');
    expect(screen.getByText('482 av 740 har svart')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Snitt teneste Noreg (Sjukeheim)' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await h1('Results for Solbakken sykehjem');
    expect(document.querySelector('.report-rate__value')!.textContent).toBe('Response rate 65.1%');
    expect(
      cells(
        within(
          screen.getByRole('table', { name: 'Average per factor, on a scale from 1 to 5' }),
        ).getAllByRole('row')[1]!,
      ),
    ).toEqual(['4.3', '4.0', '4.1', '+0.2']);
    nn.unmount();
  });
});
