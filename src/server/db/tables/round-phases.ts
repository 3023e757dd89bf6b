import type { ColumnType } from 'kysely';

// A phase of a round's progress plan dated by the admin (013-round-preparation). Dates are Oslo
// calendar dates ('YYYY-MM-DD'); a phase without a row keeps its default dates.
export interface RoundPhasesTable {
  round_id: string;
  /** An editable phase of src/shared/preparation.ts (never 'survey'). */
  phase: string;
  starts_on: string;
  ends_on: string;
  note: ColumnType<string, string | undefined, string>;
}
