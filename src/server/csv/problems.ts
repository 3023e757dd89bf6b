// The English message of each CSV line problem (src/shared/api/csv-problems.ts), for API users and
// logs; the staff app shows its own translation of the problem and its values instead.
import type { CsvLineError, CsvProblem, CsvProblemValues } from '../../shared/api/csv-problems';

/** Typed text is cut to this many characters before it goes into a message or a value. */
const MAX_VALUE = 40;
export const short = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text);

export const CSV_PROBLEM_MESSAGES: { [P in CsvProblem]: (v: CsvProblemValues[P]) => string } = {
  EMPTY_FILE: () => 'The file is empty',
  HEADER: (v) =>
    `The first line must name the columns ${v.columns}${v.missing ? ` (missing ${v.missing})` : ''}`,
  NO_ROWS: () => 'The file has no lines below the header',
  FIELD_COUNT: (v) => `Expected ${v.expected} fields, found ${v.found}`,
  ID_EMPTY: () => 'id is empty',
  ID_FORMAT: (v) => `id "${v.id}" may only have letters a-z, digits and . _ : - (at most 100)`,
  ID_TAKEN_ELSEWHERE: (v) => `id "${v.id}" is used by another municipality`,
  ID_REPEATED: (v) => `id "${v.id}" is already on line ${v.earlier}`,
  NAME_EMPTY: () => 'name is empty',
  NAME_TOO_LONG: (v) => `name is longer than ${v.max} characters`,
  OWN_PARENT: () => 'a unit cannot be its own parent',
  PARENT_UNKNOWN: (v) => `parent_id "${v.parentId}" is neither in the file nor an existing unit`,
  CYCLE: () => 'parent_id makes a cycle in the unit tree',
  UNKNOWN_UNIT_TYPE: (v) => `unknown unit_type "${v.value}"`,
  EMPLOYEES_NOT_WHOLE: (v) => `employee_count must be a whole number, not "${v.value}"`,
  EMPLOYEES_TOO_LARGE: (v) => `employee_count ${v.value} is larger than ${v.max}`,
  YEAR_RANGE: (v) => `year must be a year from ${v.min} to ${v.max}, not "${v.value}"`,
  FACTOR_UNKNOWN: (v) => `factor must be a factor id or a number from 1 to 10, not "${v.value}"`,
  AVERAGE_RANGE: (v) => `average must be a number from 1 to 5, not "${v.value}"`,
  SOURCE_EMPTY: () => 'source is empty',
  SOURCE_TOO_LONG: (v) => `source is longer than ${v.max} characters`,
  FIGURE_REPEATED: (v) => `The same year, unit type and factor are on line ${v.earlier}`,
};

/** A problem found while reading a line, before its line number is known. */
export type LineProblem = { [P in CsvProblem]: { problem: P; values: CsvProblemValues[P] } }[CsvProblem];

export function problem<P extends CsvProblem>(p: P, values: CsvProblemValues[P]): LineProblem {
  return { problem: p, values } as LineProblem;
}

export function csvLineError(line: number, found: LineProblem): CsvLineError {
  const message = (CSV_PROBLEM_MESSAGES[found.problem] as (v: CsvProblemValues[CsvProblem]) => string)(
    found.values,
  );
  return { line, problem: found.problem, values: found.values, message };
}
