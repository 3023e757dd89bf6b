// Report answers as the server sends them (src/shared/api/reports.ts), and the routes that serve
// them from the fake staff API. The unit tree is the fake server's: helse > solbakken > avd2.
import type {
  FactorRow,
  HeatmapResponse,
  NationalFigure,
  ReportRound,
  ReportRoundListResponse,
  UnitReportResponse,
} from '../../../../src/shared/api/reports';
import { FACTOR_IDS } from '../../../../src/shared/factors';
import { jsonReply, type StaffServer } from './staff-server';

export function reportRound(overrides: Partial<ReportRound> = {}): ReportRound {
  return {
    id: 'r1',
    name: 'Medarbeiderundersøkelsen 2026',
    opensOn: '2026-03-02',
    closesOn: '2026-03-15',
    status: 'published',
    threshold: 5,
    openAnswerThreshold: 10,
    rootUnitId: 'helse',
    defaultLanguage: 'nb',
    ...overrides,
  };
}

/**
 * Unit 4.3 / 4.0 / 4.1 on every factor (one decimal, as the server sends them), a change of +0.2,
 * and a distribution that sums to 1 (shares to 0.1 %).
 */
export function factorRow(factorId: FactorRow['factorId'], overrides: Partial<FactorRow> = {}): FactorRow {
  return {
    factorId,
    unit: { average: 4.3, answers: 120, distribution: [0.05, 0.1, 0.15, 0.466, 0.234] },
    municipality: { average: 4.0, answers: 1800, distribution: [0.08, 0.12, 0.2, 0.4, 0.2] },
    national: 4.1,
    previous: 4.1,
    change: 0.2,
    ...overrides,
  };
}

export function unitReport(overrides: Partial<UnitReportResponse> = {}): UnitReportResponse {
  return {
    round: reportRound(),
    unit: { id: 'solbakken', name: 'Solbakken sykehjem', parentId: 'helse', unitType: 'sykehjem' },
    municipality: { id: 'm1', name: 'Demo kommune', language: 'nb' },
    isMunicipality: false,
    suppressed: false,
    suppressedReason: null,
    responseRate: { invited: 740, answered: 482, rate: 482 / 740 },
    factors: FACTOR_IDS.map((id) => factorRow(id)),
    national: {
      source: 'instance',
      municipalities: 4,
      unitType: 'sykehjem',
      unitTypeLabel: { nb: 'Sykehjem', nn: 'Sjukeheim', en: 'Nursing home' },
      year: 2026,
      importedSource: null,
    },
    previousRound: { id: 'r0', name: 'Medarbeiderundersøkelsen 2024', closesOn: '2024-03-15' },
    background: null,
    openAnswers: null,
    openAnswersHidden: null,
    ...overrides,
  };
}

/** A unit with too few answers: the server sends no figures at all. */
export function suppressedReport(reason: 'too-few' | 'protects-other' = 'too-few'): UnitReportResponse {
  return unitReport({
    unit: { id: 'avd2', name: 'Avdeling 2', parentId: 'solbakken', unitType: 'sykehjem' },
    suppressed: true,
    suppressedReason: reason,
    responseRate: null,
    factors: [],
    previousRound: null,
    openAnswers: null,
  });
}

export function roundList(
  rounds: ReportRoundListResponse['rounds'] = [defaultRoundEntry()],
): ReportRoundListResponse {
  return { rounds };
}

export function defaultRoundEntry(
  round: ReportRound = reportRound(),
): ReportRoundListResponse['rounds'][number] {
  return {
    round,
    units: [
      { id: 'helse', name: 'Helse og omsorg', parentId: null, unitType: null, suppressed: false },
      {
        id: 'solbakken',
        name: 'Solbakken sykehjem',
        parentId: 'helse',
        unitType: 'sykehjem',
        suppressed: false,
      },
      { id: 'avd2', name: 'Avdeling 2', parentId: 'solbakken', unitType: 'sykehjem', suppressed: true },
    ],
  };
}

export function heatmap(): HeatmapResponse {
  const row = (
    unitId: string,
    name: string,
    parentId: string | null,
    depth: number,
    averages: (number | null)[],
  ) => ({
    unitId,
    name,
    parentId,
    depth,
    suppressed: averages.every((a) => a === null),
    averages,
  });
  return {
    round: reportRound(),
    rows: [
      row('helse', 'Helse og omsorg', null, 0, [3.4, 3.5, 3.94, 3.95, 4.0, 4.44, 4.45, 4.5, 4.9, 2.1]),
      row('solbakken', 'Solbakken sykehjem', 'helse', 1, [4.2, 4.2, 4.2, 4.2, 4.2, null, 4.2, 4.2, 4.2, 4.2]),
      row(
        'avd2',
        'Avdeling 2',
        'solbakken',
        2,
        FACTOR_IDS.map(() => null),
      ),
    ],
  };
}

export function nationalFigures(): NationalFigure[] {
  return [
    ...FACTOR_IDS.map((factorId, i) => ({
      year: 2026,
      unitType: 'sykehjem',
      factorId,
      average: 3.8 + i / 20,
      source: 'KS 10-FAKTOR 2026',
    })),
    { year: 2026, unitType: '*', factorId: 'autonomi', average: 4.1, source: 'KS 10-FAKTOR 2026' },
  ];
}

interface ReportRoutes {
  rounds?: ReportRoundListResponse;
  /** By unit id. */
  reports?: Record<string, UnitReportResponse>;
  heatmap?: HeatmapResponse;
  figures?: NationalFigure[];
}

/** Serves the report endpoints from these answers (a unit without a report answers 404). */
export function reportRoutes({ rounds, reports = {}, heatmap: map, figures = [] }: ReportRoutes) {
  return (server: StaffServer) => {
    server.on('GET', '/reports/rounds', () => jsonReply(200, rounds ?? roundList()));
    server.on('GET', '/reports/rounds/([^/]+)/units/([^/]+)', (_req, [, unitId]) => {
      const report = reports[unitId!];
      return report ? jsonReply(200, report) : undefined;
    });
    server.on('GET', '/reports/rounds/([^/]+)/heatmap', () => (map ? jsonReply(200, map) : undefined));
    server.on('GET', '/national-figures', () => jsonReply(200, { figures }));
  };
}
