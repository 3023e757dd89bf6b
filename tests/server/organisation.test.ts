import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/api/errors';
import type {
  AdminRound,
  CsvInvalidResponse,
  Municipality,
  RoundProgressResponse,
  Unit,
  UnitListResponse,
  UnitTypeListResponse,
} from '../../src/shared/api/organisation';
import { describeEachDatabase } from './support/databases';
import type { TestEnvironment } from './support/environment';
import { batch, QUESTIONNAIRE, ROUNDS, validResponse } from './support/fixtures';
import { signedIn, type StaffClient, staffEnvironment } from './support/staff';

const HEADER = 'id;parent_id;name;unit_type;employee_count';
const CSV = { 'content-type': 'text/csv' };

describeEachDatabase('organisation and rounds', (dialect) => {
  let env: TestEnvironment;
  let admin: StaffClient;
  let leaderA: StaffClient;
  beforeAll(async () => {
    ({ env, admin } = await staffEnvironment(dialect));
    leaderA = await signedIn(env, 'leaderA');
  });
  afterAll(() => env.dispose());

  const unitIds = async () =>
    (await env.database.kysely.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
  const importCsv = (text: string) => admin.post('/units/import', text, CSV);

  describe('the municipality', () => {
    it('shows and changes name, number and administrative language', async () => {
      const before = await admin.get('/municipality');
      expect(before.json<Municipality>()).toEqual({
        id: 'm1',
        name: 'Testkommune',
        number: '0001',
        language: 'nb',
      });
      const res = await admin.put('/municipality', { name: ' Nykommune ', number: '4601', language: 'nn' });
      expect(res.statusCode).toBe(200);
      expect(res.json<Municipality>()).toEqual({
        id: 'm1',
        name: 'Nykommune',
        number: '4601',
        language: 'nn',
      });
      await admin.put('/municipality', { name: 'Testkommune', number: '0001', language: 'nb' });
    });

    it("refuses another municipality's number with 409 CONFLICT, and a number that is not four digits", async () => {
      const taken = await admin.put('/municipality', { name: 'X', number: '0002', language: 'nb' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ error: { code: 'CONFLICT' } });
      const bad = await admin.put('/municipality', { name: 'X', number: '301', language: 'nb' });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('units', () => {
    it('lists the unit types with labels in every language', async () => {
      const res = await leaderA.get('/unit-types');
      const types = res.json<UnitTypeListResponse>().unitTypes;
      expect(types).toContainEqual({
        code: 'sykehjem',
        label: { nb: 'Sykehjem', nn: 'Sjukeheim', en: 'Nursing home' },
      });
      expect(types).toHaveLength(10);
    });

    it('lists every unit for the admin, parents first, and only their own part for a leader', async () => {
      const all = (await admin.get('/units')).json<UnitListResponse>().units.map((u) => u.id);
      expect(all.slice(0, 2)).toEqual(['sector', 'other']);
      expect(new Set(all)).toEqual(
        new Set(await unitIds().then((ids) => ids.filter((id) => id !== 'm2-unit'))),
      );
      const mine = (await leaderA.get('/units')).json<UnitListResponse>().units;
      expect(mine.map((u) => u.id)).toEqual(['unit', 'dept']);
      expect(mine[0]).toEqual({
        id: 'unit',
        parentId: 'sector',
        name: 'Enhet',
        unitType: 'Sykehjem',
        employeeCount: null,
        openKiosk: false,
      });
    });

    it('creates, edits and deletes a unit', async () => {
      const created = await admin.post('/units', {
        id: 'kultur-1',
        parentId: 'sector',
        name: ' Kulturhuset ',
        unitType: 'kultur',
        employeeCount: 14,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json<Unit>()).toEqual({
        id: 'kultur-1',
        parentId: 'sector',
        name: 'Kulturhuset',
        unitType: 'kultur',
        employeeCount: 14,
        openKiosk: false,
      });
      const edited = await admin.patch('/units/kultur-1', {
        openKiosk: true,
        employeeCount: null,
        parentId: 'other',
      });
      expect(edited.json<Unit>()).toMatchObject({ parentId: 'other', openKiosk: true, employeeCount: null });
      expect((await admin.delete('/units/kultur-1')).statusCode).toBe(204);
      expect(await unitIds()).not.toContain('kultur-1');
    });

    it('refuses a taken id, an unknown parent or type, a move below itself, and deleting a unit in use', async () => {
      expect((await admin.post('/units', { id: 'dept', parentId: null, name: 'X' })).json()).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect((await admin.post('/units', { id: 'm2-unit', parentId: null, name: 'X' })).statusCode).toBe(409);
      const badParent = await admin.post('/units', { parentId: 'nowhere', name: 'X' });
      expect(badParent.json()).toMatchObject({ error: { code: 'INVALID_REFERENCE' } });
      const badType = await admin.post('/units', { parentId: null, name: 'X', unitType: 'romskip' });
      expect(badType.json()).toMatchObject({ error: { code: 'INVALID_REFERENCE' } });
      const cycle = await admin.patch('/units/sector', { parentId: 'dept' });
      expect(cycle.json()).toMatchObject({ error: { code: 'INVALID_REFERENCE' } });
      const inUse = await admin.delete('/units/unit');
      expect(inUse.statusCode).toBe(409);
      expect(inUse.json()).toMatchObject({ error: { code: 'UNIT_IN_USE' } });
    });
  });

  describe('CSV import', () => {
    it('creates and updates units from a file with BOM, ";" and quotes, parents in any order', async () => {
      const csv = [
        `\uFEFF${HEADER}`,
        'avd-1;skole;"Avdeling 1; småtrinnet";Skole barnetrinn;12',
        'skole;sector;Solvik skole;skole-barnetrinn;"1 200"',
        'dept;unit;Avdeling (ny);;7',
        '',
      ].join('\r\n');
      const res = await importCsv(csv);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 2, updated: 1 });
      const rows = await env.database.kysely
        .selectFrom('units')
        .select(['id', 'parent_id', 'name', 'unit_type', 'employee_count'])
        .where('id', 'in', ['avd-1', 'skole', 'dept'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        {
          id: 'avd-1',
          parent_id: 'skole',
          name: 'Avdeling 1; småtrinnet',
          unit_type: 'skole-barnetrinn',
          employee_count: 12,
        },
        { id: 'dept', parent_id: 'unit', name: 'Avdeling (ny)', unit_type: null, employee_count: 7 },
        {
          id: 'skole',
          parent_id: 'sector',
          name: 'Solvik skole',
          unit_type: 'skole-barnetrinn',
          employee_count: 1200,
        },
      ]);
    });

    it('takes "," as the separator too', async () => {
      const res = await importCsv(
        `${HEADER.replaceAll(';', ',')}\nbhg,sector,"Eventyrskogen, barnehage",barnehage,9\n`,
      );
      expect(res.statusCode).toBe(200);
      expect(await unitIds()).toContain('bhg');
    });

    it('lists every bad line with its number and imports nothing', async () => {
      const before = await env.database.kysely.selectFrom('units').selectAll().orderBy('id').execute();
      const csv = [
        HEADER,
        'ok-1;sector;God enhet;;3', // line 2: fine on its own
        ';sector;Uten id;;', // 3
        'ok-2;nowhere;Foreldreløs;;', // 4
        'ok-3;sector;Feil type;romskip;', // 5
        'ok-4;sector;Feil antall;;mange', // 6
        'ok-1;sector;Dobbel;;', // 7
        'ok-5;sector;For få felt', // 8
        'm2-unit;sector;Fremmed;;', // 9
        'loop-a;loop-b;A;;', // 10
        'loop-b;loop-a;B;;', // 11
        'ok-6;sector;;;', // 12
      ].join('\n');
      const res = await importCsv(csv);
      expect(res.statusCode).toBe(400);
      const body = res.json<CsvInvalidResponse>();
      expect(body.error.code).toBe('CSV_INVALID');
      expect(body.lines.map((l) => l.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 12]);
      expect(body.lines.find((l) => l.line === 5)?.message).toMatch(/romskip/);
      // Each line names its problem with a stable code and the values, for the staff app to translate.
      expect(body.lines.map((l) => [l.line, l.problem, l.values])).toEqual([
        [3, 'ID_EMPTY', {}],
        [4, 'PARENT_UNKNOWN', { parentId: 'nowhere' }],
        [5, 'UNKNOWN_UNIT_TYPE', { value: 'romskip' }],
        [6, 'EMPLOYEES_NOT_WHOLE', { value: 'mange' }],
        [7, 'ID_REPEATED', { id: 'ok-1', earlier: 2 }],
        [8, 'FIELD_COUNT', { expected: 5, found: 3 }],
        [9, 'ID_TAKEN_ELSEWHERE', { id: 'm2-unit' }],
        [12, 'NAME_EMPTY', {}],
      ]);
      // Cycles are only looked for once every line reads well on its own.
      const cycle = await importCsv([HEADER, 'loop-a;loop-b;A;;', 'loop-b;loop-a;B;;'].join('\n'));
      expect(cycle.json<CsvInvalidResponse>().lines.map((l) => l.line)).toEqual([2, 3]);
      const moved = await importCsv([HEADER, 'sector;dept;Sektor;;'].join('\n'));
      expect(moved.json<CsvInvalidResponse>().lines).toEqual([
        { line: 2, problem: 'CYCLE', values: {}, message: expect.stringMatching(/cycle/) as string },
      ]);
      expect(await env.database.kysely.selectFrom('units').selectAll().orderBy('id').execute()).toEqual(
        before,
      );
    });

    it('refuses a file without the header, an empty file, and a body that is not CSV', async () => {
      const noHeader = await importCsv('a;b;c;d;e\n1;;X;;\n');
      expect(noHeader.json<CsvInvalidResponse>().lines[0]).toMatchObject({ line: 1 });
      expect((await importCsv('')).statusCode).toBe(400);
      const json = await admin.post('/units/import', { csv: HEADER });
      expect(json.statusCode).toBe(415);
      expect(json.json<ErrorBody>().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('rounds', () => {
    it('creates a draft with the defaults: two weeks from today, threshold 5, open question off, background on, grace 7', async () => {
      const res = await admin.post('/rounds', { name: 'Høst 2026', unitId: 'sector' });
      expect(res.statusCode).toBe(201);
      expect(res.json<AdminRound>()).toMatchObject({
        name: 'Høst 2026',
        unitId: 'sector',
        opensOn: '2026-03-10',
        closesOn: '2026-03-23',
        status: 'draft',
        defaultLanguage: 'nb',
        threshold: 5,
        openQuestionEnabled: false,
        backgroundEnabled: true,
        graceDays: 7,
        questionnaireVersion: 'tifaktor-2026.1',
        createdOn: '2026-03-10',
      });
    });

    it('refuses a threshold below 3, dates in the wrong order, and an unknown unit', async () => {
      expect((await admin.post('/rounds', { name: 'R', unitId: 'unit', threshold: 2 })).statusCode).toBe(400);
      const dates = await admin.post('/rounds', {
        name: 'R',
        unitId: 'unit',
        opensOn: '2026-04-10',
        closesOn: '2026-04-01',
      });
      expect(dates.json()).toMatchObject({ error: { code: 'INVALID_DATE' } });
      const unit = await admin.post('/rounds', { name: 'R', unitId: 'm2-unit' });
      expect(unit.json()).toMatchObject({ error: { code: 'INVALID_REFERENCE' } });
    });

    it('goes draft → open → closed → published and nowhere else, locking fields on the way', async () => {
      const round = (
        await admin.post('/rounds', {
          name: 'Livsløp',
          unitId: 'unit',
          opensOn: '2026-03-09',
          closesOn: '2026-03-20',
        })
      ).json<AdminRound>();
      const go = (what: string) => admin.post(`/rounds/${round.id}/${what}`);
      for (const wrong of ['close', 'publish']) {
        const res = await go(wrong);
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
      }
      expect(
        (await admin.patch(`/rounds/${round.id}`, { threshold: 3, openQuestionEnabled: true })).statusCode,
      ).toBe(200);
      expect((await go('open')).json<AdminRound>().status).toBe('open');
      expect((await go('open')).statusCode).toBe(409);
      const locked = await admin.patch(`/rounds/${round.id}`, { questionnaireVersion: 'test-v1' });
      expect(locked.statusCode).toBe(409);
      expect(locked.json()).toMatchObject({ error: { code: 'ROUND_LOCKED' } });
      expect((await admin.patch(`/rounds/${round.id}`, { closesOn: '2026-03-09' })).json()).toMatchObject({
        error: { code: 'INVALID_DATE' },
      });
      const extended = await admin.patch(`/rounds/${round.id}`, { closesOn: '2026-03-27' });
      expect(extended.json<AdminRound>().closesOn).toBe('2026-03-27');
      // Closing early makes today the last day.
      const closed = (await go('close')).json<AdminRound>();
      expect(closed).toMatchObject({ status: 'closed', closesOn: '2026-03-10' });
      expect((await go('open')).statusCode).toBe(409);
      expect((await go('published')).statusCode).toBe(404);
      expect((await go('publish')).json<AdminRound>().status).toBe('published');
      for (const again of ['open', 'close', 'publish']) expect((await go(again)).statusCode).toBe(409);
      expect((await admin.patch(`/rounds/${round.id}`, { name: 'Livsløp 2026' })).statusCode).toBe(200);
    });

    it('keeps a name per language, trimmed, editable while open, and hands it to the device', async () => {
      const created = await admin.post('/rounds', {
        name: 'Medarbeiderundersøkelsen 2026',
        names: { nn: '  Medarbeidarundersøkinga 2026 ', en: 'Employee survey 2026' },
        unitId: 'unit',
        opensOn: '2026-03-09',
        closesOn: '2026-03-20',
      });
      expect(created.statusCode).toBe(201);
      const round = created.json<AdminRound>();
      expect(round.names).toEqual({ nn: 'Medarbeidarundersøkinga 2026', en: 'Employee survey 2026' });
      // Only the languages the product speaks, each a real name.
      expect((await admin.patch(`/rounds/${round.id}`, { names: { se: 'x' } })).statusCode).toBe(400);
      expect((await admin.patch(`/rounds/${round.id}`, { names: { nn: '   ' } })).statusCode).toBe(400);
      expect((await admin.post(`/rounds/${round.id}/open`)).statusCode).toBe(200);
      const renamed = await admin.patch(`/rounds/${round.id}`, { names: { nn: 'Undersøkinga 2026' } });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json<AdminRound>().names).toEqual({ nn: 'Undersøkinga 2026' });
      const listed = (await admin.get('/rounds')).json<{ rounds: AdminRound[] }>().rounds;
      expect(listed.find((r) => r.id === round.id)?.names).toEqual({ nn: 'Undersøkinga 2026' });
    });

    it('lists the rounds: all for the admin, those reaching their units for a leader', async () => {
      const all = (await admin.get('/rounds')).json<{ rounds: AdminRound[] }>().rounds.map((r) => r.id);
      expect(all).toEqual(expect.arrayContaining(Object.values(ROUNDS).map((r) => r.id)));
      const mine = (await leaderA.get('/rounds')).json<{ rounds: AdminRound[] }>().rounds.map((r) => r.id);
      expect(mine).toContain(ROUNDS.open.id);
      expect(mine).not.toContain(ROUNDS.plain.id);
    });
  });

  describe('progress', () => {
    it('counts invited, answered and the rate per unit: codes issued, or employees for an open-kiosk unit', async () => {
      const db = env.database.kysely;
      const round = (
        await admin.post('/rounds', {
          name: 'Fremdrift',
          unitId: 'unit',
          opensOn: '2026-03-09',
          closesOn: '2026-03-20',
          questionnaireVersion: QUESTIONNAIRE.version,
          openQuestionEnabled: true,
        })
      ).json<AdminRound>();
      // Staffing as it is when the round opens: the round's frame keeps it (issue 11).
      await db
        .updateTable('units')
        .set({ open_kiosk: 1, employee_count: 8 })
        .where('id', '=', 'unit')
        .execute();
      await admin.post(`/rounds/${round.id}/open`);
      const codes = (await admin.post(`/rounds/${round.id}/units/dept/codes`, { count: 4 })).json<{
        codes: string[];
      }>().codes;
      const send = (items: unknown[]) =>
        env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: batch(items) });
      await send([
        validResponse({ roundId: round.id, unitId: 'dept', code: codes[0] }),
        validResponse({ roundId: round.id, unitId: 'dept', code: codes[1] }),
        validResponse({ roundId: round.id, unitId: 'dept', code: codes[0] }),
      ]);
      const res = await leaderA.get(`/rounds/${round.id}/progress`);
      expect(res.statusCode).toBe(200);
      const progress = res.json<RoundProgressResponse>();
      expect(progress.units).toEqual([
        {
          unitId: 'unit',
          // The round's own unit is the root of its frame.
          parentId: null,
          name: 'Enhet',
          openKiosk: true,
          invited: 8,
          answered: 0,
          rate: 0,
          codesIssued: 0,
          codesUsed: 0,
          refused: { unknownCode: 0, usedCode: 0 },
          rejected: [],
        },
        {
          unitId: 'dept',
          parentId: 'unit',
          name: expect.any(String) as string,
          openKiosk: false,
          invited: 4,
          answered: 2,
          rate: 0.5,
          codesIssued: 4,
          codesUsed: 2,
          refused: { unknownCode: 0, usedCode: 1 },
          rejected: [{ reason: 'CODE_ALREADY_USED', count: 1 }],
        },
      ]);
      expect(progress.total).toEqual({ invited: 12, answered: 2, rate: 0.1667 });
      const leaderB = await signedIn(env, 'leaderB');
      expect((await leaderB.get(`/rounds/${round.id}/progress`)).json<RoundProgressResponse>().units).toEqual(
        [],
      );
      await db
        .updateTable('units')
        .set({ open_kiosk: 0, employee_count: null })
        .where('id', '=', 'unit')
        .execute();
    });
  });
});
