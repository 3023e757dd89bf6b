// Reads the bad lines out of a CSV_INVALID answer (src/shared/api/organisation.ts).
import type { StaffApiError } from './api-errors';

export interface CsvLineError {
  line: number;
  message: string;
}

export function csvLineErrors(error: StaffApiError | undefined): CsvLineError[] {
  if (error?.code !== 'CSV_INVALID') return [];
  const lines = (error.body as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(lines)) return [];
  return lines.filter(
    (l): l is CsvLineError =>
      typeof l === 'object' &&
      l !== null &&
      typeof (l as CsvLineError).line === 'number' &&
      typeof (l as CsvLineError).message === 'string',
  );
}
