// The typed database schema Kysely checks every query against: one file per table in ./tables.
import type { AggregateCountsTable } from './tables/aggregate-counts';
import type { AggregateTotalsTable } from './tables/aggregate-totals';
import type { MunicipalitiesTable } from './tables/municipalities';
import type { QuestionnairesTable } from './tables/questionnaires';
import type { ResponsesTable } from './tables/responses';
import type { RoundsTable } from './tables/rounds';
import type { UnitsTable } from './tables/units';

export interface DB {
  municipalities: MunicipalitiesTable;
  units: UnitsTable;
  questionnaires: QuestionnairesTable;
  rounds: RoundsTable;
  responses: ResponsesTable;
  aggregate_counts: AggregateCountsTable;
  aggregate_totals: AggregateTotalsTable;
}
