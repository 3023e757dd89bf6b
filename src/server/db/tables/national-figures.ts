// Published national averages ("snitt tjeneste Norge") an admin imported, per municipality: one
// municipality's import never changes another's comparisons. unit_type '*' is all types together.
export interface NationalFiguresTable {
  municipality_id: string;
  year: number;
  unit_type: string;
  factor_id: string;
  /** 1..5. */
  average: number;
  /** Where the figures come from, as the file names it (e.g. "KS 10-FAKTOR 2026"). */
  source: string;
}
