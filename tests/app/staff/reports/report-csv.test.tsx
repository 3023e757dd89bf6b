// The overview table as CSV: what a Norwegian Excel opens cleanly (BOM, semicolons, CRLF, decimal
// comma, numbers it can add up), text cells guarded against formula injection, and never the open
// answers.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reportCsv, type ReportCsvTexts } from '../../../../src/app/staff/reports/report-csv';
import { FACTOR_IDS } from '../../../../src/shared/factors';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { meAs } from '../support/staff-server';
import { factorRow, reportRoutes, unitReport } from '../support/report-fixtures';

const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

const TEXTS: ReportCsvTexts = {
  factor: 'Faktor',
  unit: 'Enhet',
  municipality: 'Kommune',
  national: 'Snitt tjeneste Norge (Sykehjem)',
  change: 'Endring fra forrige runde',
  hidden: 'skjult',
  factorName: (id) => id,
};

function captureDownloads() {
  const blobs: { blob: Blob; name: string }[] = [];
  let lastUrl = '';
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastUrl = `blob:${blobs.length}`;
    blobs.push({ blob: blob as Blob, name: '' });
    return lastUrl;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    blobs[blobs.length - 1]!.name = this.download;
  });
  return blobs;
}

describe('report CSV', () => {
  beforeEach(resetOfflineDb);

  it('downloads the overview table with a BOM, semicolons, a decimal comma and no open answers', async () => {
    const blobs = captureDownloads();
    const report = unitReport({
      openAnswers: ['Hemmelig svar; med semikolon'],
      factors: FACTOR_IDS.map((id) =>
        id === 'autonomi'
          ? factorRow(id, { change: -0.1, unit: null })
          : factorRow(id, { national: id === 'mestringstro' ? null : 4.1 }),
      ),
    });
    const { user } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: meAs([{ role: 'leader', unitId: 'solbakken' }]) },
      routes: reportRoutes({ reports: { solbakken: report } }),
    });
    await h1('Resultater for Solbakken sykehjem');
    await user.click(screen.getByRole('button', { name: 'Last ned tabell (CSV)' }));

    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.name).toBe('rapport-solbakken-sykehjem-medarbeiderundersøkelsen-2026.csv');
    const bytes = new Uint8Array(await blobs[0]!.blob.arrayBuffer());
    // The UTF-8 byte order mark, so Excel reads æ, ø and å right (Blob.text() would drop it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await blobs[0]!.blob.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines(text)).toEqual([
      'Faktor;Enhet;Kommune;Snitt tjeneste Norge (Sykehjem);Endring fra forrige runde',
      'Indre motivasjon;4,3;4,0;4,1;0,2',
      'Mestringstro;4,3;4,0;;0,2',
      'Autonomi;skjult;4,0;4,1;-0,1',
      'Bruk av kompetanse;4,3;4,0;4,1;0,2',
      'Mestringsorientert ledelse;4,3;4,0;4,1;0,2',
      'Rolleklarhet;4,3;4,0;4,1;0,2',
      'Relevant kompetanseutvikling;4,3;4,0;4,1;0,2',
      'Fleksibilitetsvilje;4,3;4,0;4,1;0,2',
      'Mestringsklima;4,3;4,0;4,1;0,2',
      'Prososial motivasjon;4,3;4,0;4,1;0,2',
    ]);
    expect(text).not.toContain('Hemmelig');
  });

  it('guards text cells that a spreadsheet would run as a formula, but leaves numbers as numbers', () => {
    const text = reportCsv(unitReport({ factors: [factorRow('autonomi', { change: -0.14 })] }), {
      ...TEXTS,
      national: '=HYPERLINK("http://evil")',
      factorName: () => '@SUM(A1)',
    });
    expect(lines(text)).toEqual([
      `Faktor;Enhet;Kommune;"'=HYPERLINK(""http://evil"")";Endring fra forrige runde`,
      `'@SUM(A1);4,3;4,0;4,1;-0,1`,
    ]);
  });

  it('drops the unit column for the municipality overview and the change column without a previous round', () => {
    const text = reportCsv(
      unitReport({ isMunicipality: true, previousRound: null, factors: [factorRow('autonomi')] }),
      TEXTS,
    );
    expect(lines(text)).toEqual(['Faktor;Kommune;Snitt tjeneste Norge (Sykehjem)', 'autonomi;4,0;4,1']);
  });
});
