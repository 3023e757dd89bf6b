// Owns the CSV cells and files the product hands out (code links, report tables in the browser;
// the audit log on the server): semicolons, which is what a Norwegian Excel expects, CRLF line
// ends, and a byte order mark so Excel reads æ, ø and å as UTF-8. A spreadsheet runs a cell that
// starts with = + - @ (or a tab or carriage return) as a formula, so text cells get a leading
// apostrophe: names are typed by people and could start with one. Spreadsheets also skip leading
// blanks (space, line break, no-break space, zero-width and byte-order marks) and read the
// full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣) as their ASCII twins, so the test looks past the
// blanks at the NFKC form of the first character.
const FORMULA_START = /^[=+\-@\t\r]/;
/** What a spreadsheet skips before it decides whether a cell is a formula. */
const LEADING_BLANKS = /^[\s\u200B-\u200D\u2060\uFEFF]+/u;

function startsLikeFormula(value: string): boolean {
  if (FORMULA_START.test(value)) return true;
  const rest = value.replace(LEADING_BLANKS, '');
  const first = String.fromCodePoint(rest.codePointAt(0) ?? 0x20);
  return FORMULA_START.test(first.normalize('NFKC'));
}
const SEPARATOR = ';';
/** A number this app formatted itself ("4,3", "-0,1"): nothing a spreadsheet could run. */
const PLAIN_NUMBER = /^-?\d+(?:,\d+)?$/;

/** One text cell: formula-guarded, then quoted if it holds a separator, quote or line break. */
export function csvCell(value: string): string {
  const guarded = startsLikeFormula(value) ? `'${value}` : value;
  return /[";,\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * One number cell, left as a number the spreadsheet can add up ("-0,1" is no formula). Anything
 * that is not a plain number goes through the text guard.
 */
export const csvNumberCell = (value: string): string => (PLAIN_NUMBER.test(value) ? value : csvCell(value));

/** Rows of cells already made safe by csvCell or csvNumberCell, as the file's text. */
export const csvText = (rows: readonly (readonly string[])[]): string =>
  `\uFEFF${rows.map((row) => row.join(SEPARATOR)).join('\r\n')}\r\n`;
