// The CSV line problems are one closed list: the server has an English message for each, and the
// staff app a text in every language, with nothing left over on either side.
import { describe, expect, it } from 'vitest';
import { CSV_PROBLEMS } from '../../src/shared/api/csv-problems';
import { CSV_PROBLEM_MESSAGES, csvLineError, problem } from '../../src/server/csv/problems';
import { readFlat } from '../support/locales';

describe('CSV line problems', () => {
  it('has an English server message for every problem and no other', () => {
    expect(Object.keys(CSV_PROBLEM_MESSAGES).sort()).toEqual([...CSV_PROBLEMS].sort());
  });

  it.each(['nb', 'nn', 'en'])('has a %s text for every problem and no other', (lng) => {
    const keys = [...readFlat(lng, 'admin').keys()]
      .filter((k) => k.startsWith('csvProblems.'))
      .map((k) => k.slice('csvProblems.'.length));
    expect(keys.sort()).toEqual([...CSV_PROBLEMS].sort());
  });

  it('carries the values into the line and its message', () => {
    expect(csvLineError(7, problem('ID_REPEATED', { id: 'avd-1', earlier: 3 }))).toEqual({
      line: 7,
      problem: 'ID_REPEATED',
      values: { id: 'avd-1', earlier: 3 },
      message: 'id "avd-1" is already on line 3',
    });
  });
});
