// How many responses each unit has in a round: the number the anonymity threshold is checked against.
export interface AggregateTotalsTable {
  round_id: string;
  unit_id: string;
  responses: number;
}
