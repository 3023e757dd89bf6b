// Reads the bad lines out of a CSV_INVALID answer (src/shared/api/organisation.ts): each line's
// number, its problem code with the values it names (src/shared/api/csv-problems.ts), and the
// server's English message, shown only when this build does not know the problem.
import { CSV_PROBLEMS, type CsvProblem } from '../../../shared/api/csv-problems';
import type { StaffApiError } from './api-errors';

export interface CsvLineError {
  line: number;
  /** Undefined when the server sent a problem this build does not know. */
  problem?: CsvProblem;
  values: Record<string, string | number>;
  message: string;
}

const isProblem = (value: unknown): value is CsvProblem =>
  typeof value === 'string' && (CSV_PROBLEMS as readonly string[]).includes(value);

function valuesOf(raw: unknown): Record<string, string | number> {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  );
}

export function csvLineErrors(error: StaffApiError | undefined): CsvLineError[] {
  if (error?.code !== 'CSV_INVALID') return [];
  const lines = (error.body as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((l: unknown): CsvLineError[] => {
    if (typeof l !== 'object' || l === null) return [];
    const { line, problem, values, message } = l as Record<string, unknown>;
    if (typeof line !== 'number' || typeof message !== 'string') return [];
    return [{ line, problem: isProblem(problem) ? problem : undefined, values: valuesOf(values), message }];
  });
}
