// The public accessibility statement's one request: a municipality's name and uustatus.no link by
// its entry address, the only municipality when none is given, a stable 404 for an address no
// municipality has, and nothing else of the municipality in the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../src/shared/api/errors';
import { insertMunicipality } from '../../../src/server/repositories/organisation';
import { describeEachDatabase } from '../support/databases';
import { createEnvironment, type TestEnvironment } from '../support/environment';

const URL = '/api/v1/public/accessibility';
const STATEMENT = 'https://uustatus.no/nb/erklaringer/publisert/0000-testkommune';

describeEachDatabase('the accessibility statement’s municipality', (dialect) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createEnvironment(dialect);
  });
  afterAll(() => env.dispose());

  const get = (query = '') => env.app.inject({ method: 'GET', url: `${URL}${query}` });
  const setStatement = (id: string, url: string | null) =>
    env.database.kysely
      .updateTable('municipalities')
      .set({ accessibility_statement_url: url })
      .where('id', '=', id)
      .execute();

  describe('one municipality', () => {
    it('is the only one without a slug, its link null until set', async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ municipalityName: 'Testkommune', statementUrl: null });
      await setStatement('m1', STATEMENT);
      expect((await get()).json()).toEqual({ municipalityName: 'Testkommune', statementUrl: STATEMENT });
    });

    it('is found by its entry slug, and the answer holds the name and the link only', async () => {
      const res = await get('?municipality=testkommune');
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json<object>()).sort()).toEqual(['municipalityName', 'statementUrl']);
      expect(res.body).not.toMatch(/0001|m1|retention|session/);
    });
  });

  describe('several municipalities', () => {
    beforeAll(async () => {
      await insertMunicipality(env.database.kysely, {
        id: 'm2',
        name: 'Fjellkommune',
        number: '0002',
        language: 'nn',
      });
    });

    it('names none without a slug', async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ municipalityName: null, statementUrl: null });
    });

    it('gives each municipality its own link', async () => {
      expect((await get('?municipality=fjellkommune')).json()).toEqual({
        municipalityName: 'Fjellkommune',
        statementUrl: null,
      });
      expect((await get('?municipality=testkommune')).json()).toEqual({
        municipalityName: 'Testkommune',
        statementUrl: STATEMENT,
      });
    });

    it('is 404 ENTRY_UNKNOWN for an address no municipality has, 400 for one that cannot be an address', async () => {
      const unknown = await get('?municipality=ingen-slik');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<ErrorBody>().error.code).toBe('ENTRY_UNKNOWN');
      const malformed = await get('?municipality=Not%20a%20slug');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<ErrorBody>().error.code).toBe('MALFORMED_REQUEST');
      const extra = await get('?municipality=testkommune&x=1');
      expect(extra.statusCode).toBe(400);
    });
  });
});
