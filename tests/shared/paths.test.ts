import { describe, expect, it } from 'vitest';
import { API_PREFIX, apiPath, RESPONDENT_PATHS, STAFF_PATHS } from '../../src/shared/api/paths';
import { LanguageSchema, LocalizedTextSchema } from '../../src/shared/api/primitives';
import { LANGUAGES } from '../../src/shared/languages';

describe('API paths', () => {
  it('prefixes a plain path with the API version', () => {
    expect(apiPath(RESPONDENT_PATHS.responses)).toBe('/api/v1/responses');
    expect(API_PREFIX).toBe('/api/v1');
  });

  it('fills and encodes every parameter so an id stays one segment', () => {
    expect(apiPath(STAFF_PATHS.codes, { roundId: 'r/1', unitId: 'a b?' })).toBe(
      '/api/v1/rounds/r%2F1/units/a%20b%3F/codes',
    );
  });

  it('refuses a pattern whose parameter is missing at run time', () => {
    const pattern: string = STAFF_PATHS.round;
    expect(() => apiPath(pattern)).toThrow(/needs id/);
  });

  it('names no route twice', () => {
    const all = [...Object.values(RESPONDENT_PATHS), ...Object.values(STAFF_PATHS)];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('primitive schemas follow the language list', () => {
  it('accepts exactly the languages in LANGUAGES', () => {
    expect(LanguageSchema.anyOf.map((s) => s.const)).toEqual([...LANGUAGES]);
    expect(Object.keys(LocalizedTextSchema.properties)).toEqual([...LANGUAGES]);
  });
});
