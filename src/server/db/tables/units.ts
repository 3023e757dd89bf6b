// The organisation tree of a municipality: sector → unit → department. `unit_type` (e.g.
// "Sykehjem") is what national comparisons group by; null for levels that have none.
export interface UnitsTable {
  id: string;
  municipality_id: string;
  parent_id: string | null;
  name: string;
  unit_type: string | null;
}
