import type { ColumnType } from 'kysely';

// The organisation tree of a municipality: sector → unit → department, any depth. `unit_type` is a
// code from unit_types (e.g. "sykehjem"), what national comparisons group by; null for levels
// that have none.
export interface UnitsTable {
  id: string;
  municipality_id: string;
  parent_id: string | null;
  name: string;
  unit_type: string | null;
  /** Employees of this unit itself (not below it): the response rate of an open-kiosk unit. */
  employee_count: number | null;
  /** 0/1: an enrolled kiosk of this unit may take answers without a code (the municipality decides). */
  open_kiosk: ColumnType<number, number | undefined, number>;
}
