// The CSV of code links for an e-mail merge. The file format and the formula guard live in
// src/app/ui/csv.ts.
import { CODE_LINK_PREFIX, normaliseCode } from '../../../shared/codes';
import { csvCell, csvText } from '../../ui/csv';

export const codeLink = (origin: string, code: string): string =>
  `${origin}${CODE_LINK_PREFIX}${normaliseCode(code)}`;

interface CodesCsv {
  header: readonly [unit: string, round: string, code: string, link: string];
  unitName: string;
  roundName: string;
  codes: readonly string[];
  origin: string;
}

export function codesCsv({ header, unitName, roundName, codes, origin }: CodesCsv): string {
  const rows = [header, ...codes.map((code) => [unitName, roundName, code, codeLink(origin, code)] as const)];
  return csvText(rows.map((row) => row.map(csvCell)));
}
