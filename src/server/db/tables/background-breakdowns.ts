// A round's municipality background breakdowns as the report shows them (after the cross rule of
// reports/cross-suppression.ts), kept so the dear computation runs once per round's counts for
// every process, not on each process's first report. Only what a report shows: figures of shown
// groups, never a unit's, a profile's or a person's.
export interface BackgroundBreakdownsTable {
  round_id: string;
  /** sha256 of the round's totals when it was worked out (reports/count-cache.ts fingerprints). */
  fingerprint: string;
  /** JSON: BackgroundBreakdown[] or null. */
  breakdowns: string;
}
