// The follow-up overview as a CSV file (src/app/ui/csv.ts: semicolons, formula-safe text cells):
// one row per unit, then the factors the units chose.
import type { OverviewResponse, PlanStatus } from '../../../shared/api/plans';
import type { FactorId } from '../../../shared/factors';
import { csvCell, csvNumberCell, csvText } from '../../ui/csv';

export interface OverviewCsvLabels {
  unit: string;
  status: string;
  measures: string;
  done: string;
  overdue: string;
  nextReview: string;
  reviewOverdue: string;
  yes: string;
  no: string;
  noPlan: string;
  factor: string;
  keep: string;
  improve: string;
  statusName: (status: PlanStatus) => string;
  factorName: (id: FactorId) => string;
  date: (iso: string) => string;
}

export function overviewCsv(o: OverviewResponse, l: OverviewCsvLabels): string {
  const n = (value: number) => csvNumberCell(String(value));
  const units = [
    [l.unit, l.status, l.measures, l.done, l.overdue, l.nextReview, l.reviewOverdue].map(csvCell),
    ...o.rows.map((r) => [
      csvCell(r.name),
      csvCell(r.status ? l.statusName(r.status) : l.noPlan),
      n(r.measures),
      n(r.measuresDone),
      n(r.overdueMeasures),
      csvCell(r.nextReviewOn ? l.date(r.nextReviewOn) : ''),
      csvCell(r.reviewOverdue ? l.yes : l.no),
    ]),
  ];
  const factors = [
    [l.factor, l.keep, l.improve].map(csvCell),
    ...o.factors.map((f) => [csvCell(l.factorName(f.factorId)), n(f.keep), n(f.improve)]),
  ];
  return csvText([...units, [], ...factors]);
}
