// What can be wrong with a line of an uploaded CSV (units, national figures): a closed list of
// stable codes, each with the values it names, so the staff app says it in the reader's language
// ("Linje 4: ukjend einingstype «Grunnskule»") and the server's English message is only a fallback.
import { Type, type Static } from '@sinclair/typebox';

/** Each problem and the values its message names (strings as typed, cut to 40 characters). */
export interface CsvProblemValues {
  EMPTY_FILE: Record<string, never>;
  HEADER: { columns: string; missing: string };
  NO_ROWS: Record<string, never>;
  FIELD_COUNT: { expected: number; found: number };
  ID_EMPTY: Record<string, never>;
  ID_FORMAT: { id: string };
  ID_TAKEN_ELSEWHERE: { id: string };
  ID_REPEATED: { id: string; earlier: number };
  NAME_EMPTY: Record<string, never>;
  NAME_TOO_LONG: { max: number };
  OWN_PARENT: Record<string, never>;
  PARENT_UNKNOWN: { parentId: string };
  CYCLE: Record<string, never>;
  UNKNOWN_UNIT_TYPE: { value: string };
  EMPLOYEES_NOT_WHOLE: { value: string };
  EMPLOYEES_TOO_LARGE: { value: number; max: number };
  YEAR_RANGE: { value: string; min: number; max: number };
  FACTOR_UNKNOWN: { value: string };
  AVERAGE_RANGE: { value: string };
  SOURCE_EMPTY: Record<string, never>;
  SOURCE_TOO_LONG: { max: number };
  FIGURE_REPEATED: { earlier: number };
}
export type CsvProblem = keyof CsvProblemValues;

export const CSV_PROBLEMS = [
  'EMPTY_FILE',
  'HEADER',
  'NO_ROWS',
  'FIELD_COUNT',
  'ID_EMPTY',
  'ID_FORMAT',
  'ID_TAKEN_ELSEWHERE',
  'ID_REPEATED',
  'NAME_EMPTY',
  'NAME_TOO_LONG',
  'OWN_PARENT',
  'PARENT_UNKNOWN',
  'CYCLE',
  'UNKNOWN_UNIT_TYPE',
  'EMPLOYEES_NOT_WHOLE',
  'EMPLOYEES_TOO_LARGE',
  'YEAR_RANGE',
  'FACTOR_UNKNOWN',
  'AVERAGE_RANGE',
  'SOURCE_EMPTY',
  'SOURCE_TOO_LONG',
  'FIGURE_REPEATED',
] as const satisfies readonly CsvProblem[];

/**
 * One bad line on the wire: its number (the header is line 1), the problem (one of CSV_PROBLEMS
 * today; a client must cope with a code it does not know yet, by showing `message`), its values,
 * and an English message.
 */
export const CsvLineErrorSchema = Type.Object({
  line: Type.Integer(),
  problem: Type.String(),
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  message: Type.String(),
});

/** A bad line as the server makes it: the problem is one this server knows. */
export type CsvLineError = Omit<Static<typeof CsvLineErrorSchema>, 'problem'> & { problem: CsvProblem };
