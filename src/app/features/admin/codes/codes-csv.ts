// The CSV of code links for an e-mail merge. A spreadsheet runs a cell that starts with = + - @
// (or a tab or carriage return) as a formula, so such cells get a leading apostrophe; unit and
// round names are typed by people and could start with one.
import { CODE_LINK_PREFIX, normaliseCode } from '../../../../shared/codes';

const FORMULA_START = /^[=+\-@\t\r]/;
const SEPARATOR = ';';

/** One cell: formula-guarded, then quoted if it holds a separator, quote or line break. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";,\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export const codeLink = (origin: string, code: string): string =>
  `${origin}${CODE_LINK_PREFIX}${normaliseCode(code)}`;

interface CodesCsv {
  header: readonly [unit: string, round: string, code: string, link: string];
  unitName: string;
  roundName: string;
  codes: readonly string[];
  origin: string;
}

/**
 * Semicolons (what a Norwegian Excel expects), CRLF line ends, and a byte order mark so Excel reads
 * æ, ø and å as UTF-8.
 */
export function codesCsv({ header, unitName, roundName, codes, origin }: CodesCsv): string {
  const rows = [header, ...codes.map((code) => [unitName, roundName, code, codeLink(origin, code)] as const)];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(SEPARATOR)).join('\r\n')}\r\n`;
}

/** Hands the text to the browser as a file download. */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
