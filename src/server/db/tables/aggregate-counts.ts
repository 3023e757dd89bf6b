// Pre-aggregated answer counts, updated in the ingest transaction, so reports read counts rather
// than rows. value 0 means "left unanswered"; every response adds exactly one count per statement.
export interface AggregateCountsTable {
  round_id: string;
  unit_id: string;
  statement_id: string;
  value: number;
  count: number;
}
