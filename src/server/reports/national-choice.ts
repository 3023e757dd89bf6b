// Which national figures a report shows ("snitt tjeneste Norge"): computed from this server's
// municipalities when enough of them contribute; otherwise imported published figures when the
// municipality has some for the year and unit type; otherwise what this server has, if anything.
import { MIN_MUNICIPALITIES_FOR_COMPUTED, type NationalInfo } from '../../shared/api/reports';
import { FACTOR_IDS, type FactorId } from '../../shared/factors';

export interface ComputedNational {
  /** FACTOR_IDS order. */
  averages: readonly (number | null)[];
  municipalities: number;
}

export interface ImportedNational {
  /** The unit type the figures are for ('*' = all types); null in NationalInfo terms when '*'. */
  unitType: string | null;
  figures: ReadonlyMap<FactorId, { average: number; source: string }>;
}

export interface NationalChoice {
  info: NationalInfo;
  /** FACTOR_IDS order; null where there is no figure. */
  averages: (number | null)[];
}

export function chooseNational(
  computed: ComputedNational,
  imported: ImportedNational | undefined,
  base: Pick<NationalInfo, 'unitType' | 'unitTypeLabel' | 'year'>,
): NationalChoice {
  const tooFew = computed.municipalities < MIN_MUNICIPALITIES_FOR_COMPUTED;
  if (tooFew && imported && imported.figures.size > 0) {
    const averages = FACTOR_IDS.map((f) => imported.figures.get(f)?.average ?? null);
    const source =
      FACTOR_IDS.map((f) => imported.figures.get(f)?.source).find((s) => s !== undefined) ?? null;
    // Figures for all unit types together compare with every type, whatever the unit's own.
    const typed = imported.unitType === null ? { unitType: null, unitTypeLabel: null } : {};
    return {
      info: { ...base, ...typed, source: 'imported', municipalities: 0, importedSource: source },
      averages,
    };
  }
  if (computed.averages.some((a) => a !== null)) {
    const info = {
      ...base,
      source: 'instance' as const,
      municipalities: computed.municipalities,
      importedSource: null,
    };
    return { info, averages: [...computed.averages] };
  }
  return {
    info: { ...base, source: 'none', municipalities: 0, importedSource: null },
    averages: FACTOR_IDS.map(() => null),
  };
}
