// Municipality, unit tree, rounds, codes and kiosks: the staff side of src/shared/api/organisation.ts.
import type {
  AdminRound,
  CodesSummaryResponse,
  CreateCodesResponse,
  CreateKioskEnrolmentRequest,
  CreateRoundRequest,
  CreateUnitRequest,
  KioskEnrolmentResponse,
  KioskListItem,
  KioskListResponse,
  Municipality,
  RoundListResponse,
  RoundProgressResponse,
  RoundTransition,
  Unit,
  UnitImportResponse,
  UnitListResponse,
  UnitTypeListResponse,
  UpdateMunicipalityRequest,
  UpdateRoundRequest,
  UpdateUnitRequest,
} from '../../../shared/api/organisation';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import { RawBody, type StaffRequest } from './client';

export const organisationApi = (request: StaffRequest) => ({
  municipality: () => request<Municipality>('GET', apiPath(STAFF_PATHS.municipality)),
  updateMunicipality: (body: UpdateMunicipalityRequest) =>
    request<Municipality>('PUT', apiPath(STAFF_PATHS.municipality), body),

  unitTypes: () => request<UnitTypeListResponse>('GET', apiPath(STAFF_PATHS.unitTypes)),
  units: () => request<UnitListResponse>('GET', apiPath(STAFF_PATHS.units)),
  createUnit: (body: CreateUnitRequest) => request<Unit>('POST', apiPath(STAFF_PATHS.units), body),
  updateUnit: (unitId: string, body: UpdateUnitRequest) =>
    request<Unit>('PATCH', apiPath(STAFF_PATHS.unit, { id: unitId }), body),
  deleteUnit: (unitId: string) => request<void>('DELETE', apiPath(STAFF_PATHS.unit, { id: unitId })),
  /** All or nothing; a bad file fails with CSV_INVALID and the bad lines in the error body. */
  importUnits: (csv: string) =>
    request<UnitImportResponse>(
      'POST',
      apiPath(STAFF_PATHS.unitImport),
      new RawBody(csv, 'text/csv; charset=utf-8'),
    ),

  rounds: () => request<RoundListResponse>('GET', apiPath(STAFF_PATHS.rounds)),
  createRound: (body: CreateRoundRequest) => request<AdminRound>('POST', apiPath(STAFF_PATHS.rounds), body),
  updateRound: (roundId: string, body: UpdateRoundRequest) =>
    request<AdminRound>('PATCH', apiPath(STAFF_PATHS.round, { id: roundId }), body),
  transitionRound: (roundId: string, transition: RoundTransition) =>
    request<AdminRound>('POST', apiPath(STAFF_PATHS.roundTransition, { id: roundId, transition })),
  progress: (roundId: string) =>
    request<RoundProgressResponse>('GET', apiPath(STAFF_PATHS.roundProgress, { id: roundId })),

  /** The plaintext codes come back this once; the server keeps only hashes. */
  createCodes: (roundId: string, unitId: string, count: number) =>
    request<CreateCodesResponse>('POST', apiPath(STAFF_PATHS.codes, { roundId, unitId }), { count }),
  codesSummary: (roundId: string, unitId: string) =>
    request<CodesSummaryResponse>('GET', apiPath(STAFF_PATHS.codesSummary, { roundId, unitId })),

  createEnrolment: (roundId: string, unitId: string, body: CreateKioskEnrolmentRequest) =>
    request<KioskEnrolmentResponse>('POST', apiPath(STAFF_PATHS.kioskEnrolments, { roundId, unitId }), body),
  kiosks: () => request<KioskListResponse>('GET', apiPath(STAFF_PATHS.kiosks)),
  /** Answers with the revoked kiosk; the screen reloads the list instead of reading it. */
  revokeKiosk: (kioskId: string) =>
    request<KioskListItem>('POST', apiPath(STAFF_PATHS.kioskRevoke, { id: kioskId })),
});

export type OrganisationApi = ReturnType<typeof organisationApi>;
