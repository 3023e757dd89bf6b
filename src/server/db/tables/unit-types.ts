// The unit types national comparisons group by (Barnehage, Sykehjem, …). A fixed list seeded by
// migration 003 and extended by inserting rows; units.unit_type holds a code.
export interface UnitTypesTable {
  code: string;
  label_nb: string;
  label_nn: string;
  label_en: string;
}
