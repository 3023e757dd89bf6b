// The CSV of a report's overview table, the same columns as on screen: figures only, never the
// open answers. Numbers keep the decimal comma a Norwegian spreadsheet reads as a number; text
// cells go through the formula guard (src/app/ui/csv.ts).
import type { UnitReportResponse } from '../../../shared/api/reports';
import type { FactorId } from '../../../shared/factors';
import { csvCell, csvNumberCell, csvText } from '../../ui/csv';
import { roundToTenth } from '../../ui/format';

export interface ReportCsvTexts {
  factor: string;
  unit: string;
  municipality: string;
  national: string;
  change: string;
  /** Written where the server hid a figure (too few answers), so it is not read as "no figure". */
  hidden: string;
  factorName: (id: FactorId) => string;
}

/** "4,3", "-0,1": one decimal, a decimal comma and the ASCII minus a spreadsheet understands. */
const csvDecimal = (value: number) => csvNumberCell(roundToTenth(value).toFixed(1).replace('.', ','));

export function reportCsv(report: UnitReportResponse, texts: ReportCsvTexts): string {
  const hasUnit = !report.isMunicipality;
  const hasChange = report.previousRound !== null;
  const figure = (value: number | undefined) =>
    value === undefined ? csvCell(texts.hidden) : csvDecimal(value);
  const optional = (value: number | null) => (value === null ? '' : csvDecimal(value));

  const header = [
    texts.factor,
    ...(hasUnit ? [texts.unit] : []),
    texts.municipality,
    texts.national,
    ...(hasChange ? [texts.change] : []),
  ].map(csvCell);
  const rows = report.factors.map((row) => [
    csvCell(texts.factorName(row.factorId)),
    ...(hasUnit ? [figure(row.unit?.average)] : []),
    figure(row.municipality?.average),
    optional(row.national),
    ...(hasChange ? [optional(row.change)] : []),
  ]);
  return csvText([header, ...rows]);
}

/** A file name from the unit and round: lower case, letters and digits joined by dashes. */
export const fileSlug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'rapport';
