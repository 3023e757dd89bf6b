// Imported national figures: the admin's CSV, all or nothing, each (year, unit type) in the file
// replacing what was imported for it, and each municipality's figures its own.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import type { CsvInvalidResponse } from '../../src/shared/api/organisation';
import type { NationalFigureListResponse } from '../../src/shared/api/reports';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { signedIn, type StaffClient, staffEnvironment } from './support/staff';

const CSV = { 'content-type': 'text/csv' };
const HEADER = 'year;unit_type;factor;average;source';

describeEachDatabase('national figures', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  beforeAll(async () => ({ env, admin } = await staffEnvironment(dialect)));
  afterAll(() => env.dispose());
  beforeEach(async () => {
    await env.database.kysely.deleteFrom('national_figures').execute();
  });

  const upload = (csv: string, as: StaffClient = admin) => as.post('/national-figures/import', csv, CSV);
  const figures = async () =>
    (await admin.get('/national-figures'))
      .json<NationalFigureListResponse>()
      .figures.map((f) => `${f.year} ${f.unitType} ${f.factorId} ${f.average} ${f.source}`);

  it('imports figures with a decimal comma or point, unit types by code or label, factors by id or number', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      '2026;Sykehjem;indre-motivasjon;4,21;KS 10-FAKTOR 2026',
      '2026;sykehjem;2;3.9;KS 10-FAKTOR 2026',
      '2026;*;10;4;KS 10-FAKTOR 2026',
      '2025;;Autonomi;"3,75";KS 2025',
      '',
    ].join('\r\n');
    const res = await upload(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 4 });
    // Listed at the one decimal shown, like every report figure; the stored figure keeps its own.
    expect(await figures()).toEqual([
      '2025 * autonomi 3.8 KS 2025',
      '2026 * prososial-motivasjon 4 KS 10-FAKTOR 2026',
      '2026 sykehjem indre-motivasjon 4.2 KS 10-FAKTOR 2026',
      '2026 sykehjem mestringstro 3.9 KS 10-FAKTOR 2026',
    ]);
  });

  it('lists every bad line and stores nothing', async () => {
    expect((await upload(`${HEADER}\n2026;sykehjem;autonomi;4;KS`)).statusCode).toBe(200);
    const csv = [
      'year,unit_type,factor,average,source',
      '2026,barnehage,autonomi,"4,5",KS',
      '26,barnehage,autonomi,4,KS',
      '2026,romskip,autonomi,4,KS',
      '2026,barnehage,11,4,KS',
      '2026,barnehage,rolleklarhet,5.5,KS',
      '2026,barnehage,mestringsklima,4,',
      '2026,barnehage,autonomi,4,KS',
      '2026,barnehage,autonomi',
    ].join('\n');
    const res = await upload(csv);
    expect(res.statusCode).toBe(400);
    const body = res.json<CsvInvalidResponse>();
    expect(body.error.code).toBe('CSV_INVALID');
    expect(body.lines.map((l) => l.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(body.lines[1]!.message).toContain('romskip');
    expect(body.lines[5]!.message).toContain('line 2');
    expect(await figures()).toEqual(['2026 sykehjem autonomi 4 KS']);
  });

  it('refuses a file without the columns, or without figures', async () => {
    for (const csv of ['', 'year;unit_type;factor;average', HEADER]) {
      const res = await upload(csv);
      expect(res.statusCode).toBe(400);
      expect(res.json<CsvInvalidResponse>().lines).toHaveLength(1);
    }
    const json = await admin.post('/national-figures/import', { figures: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json<ErrorBody>().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('replaces what was imported for each year and unit type in the file, and nothing else', async () => {
    await upload(
      [
        HEADER,
        '2026;sykehjem;autonomi;4;A',
        '2026;sykehjem;rolleklarhet;4;A',
        '2026;barnehage;autonomi;3;A',
      ].join('\n'),
    );
    await upload([HEADER, '2026;sykehjem;mestringsklima;2,5;B', '2025;sykehjem;autonomi;3;B'].join('\n'));
    expect(await figures()).toEqual([
      '2025 sykehjem autonomi 3 B',
      '2026 barnehage autonomi 3 A',
      '2026 sykehjem mestringsklima 2.5 B',
    ]);
  });

  it('keeps each municipality’s figures to itself', async () => {
    await upload(`${HEADER}\n2026;sykehjem;autonomi;4;KS`);
    await env.database.kysely
      .insertInto('national_figures')
      .values({
        municipality_id: 'm2',
        year: 2026,
        unit_type: 'sykehjem',
        factor_id: 'autonomi',
        average: 2,
        source: 'X',
      })
      .execute();
    expect(await figures()).toEqual(['2026 sykehjem autonomi 4 KS']);
    await upload(`${HEADER}\n2026;sykehjem;autonomi;4,5;KS`);
    const stored = await env.database.kysely
      .selectFrom('national_figures')
      .select(['municipality_id', 'average'])
      .orderBy('municipality_id')
      .execute();
    expect(stored.map((r) => [r.municipality_id, Number(r.average)])).toEqual([
      ['m1', 4.5],
      ['m2', 2],
    ]);
  });

  it('is for admins only', async () => {
    for (const actor of ['leaderA', 'unionA', 'safetyA'] as const) {
      const client = await signedIn(env, actor);
      expect((await client.get('/national-figures')).statusCode).toBe(403);
      expect((await upload(`${HEADER}\n2026;sykehjem;autonomi;4;KS`, client)).statusCode).toBe(403);
    }
    expect(await figures()).toEqual([]);
  });
});
