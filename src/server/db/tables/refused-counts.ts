// Answers refused for an unknown or already used code: kept as a count per unit, never as an
// answer, so the admin sees that they happened without anything being stored.
export type RefusalReason = 'CODE_UNKNOWN' | 'CODE_ALREADY_USED';

export interface RefusedCountsTable {
  round_id: string;
  unit_id: string;
  reason: RefusalReason;
  count: number;
}
