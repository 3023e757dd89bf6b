// National figures ("snitt tjeneste Norge") computed from this server's published rounds and
// released: per year and unit type ('*' = the municipality as a whole), versioned and dated.
// A release never changes once written; a later computation that differs is a new version.
export interface NationalReleasesTable {
  id: string;
  year: number;
  unit_type: string;
  version: number;
  /** ISO timestamp of the release. */
  released_at: string;
  /** How many municipalities contributed. */
  municipalities: number;
  /** NATIONAL_MIN_MUNICIPALITIES when it was made. */
  min_municipalities: number;
}

export interface NationalReleaseFiguresTable {
  release_id: string;
  factor_id: string;
  /** 1..5, at one decimal. */
  average: number;
}
