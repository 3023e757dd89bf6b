// Municipality, unit tree, rounds, codes and kiosks: the staff side of src/shared/api/organisation.ts.
import type {
  AdminRound,
  CodesSummaryResponse,
  CreateCodesResponse,
  CreateKioskEnrolmentRequest,
  CreateRoundRequest,
  CreateUnitRequest,
  KioskEnrolmentResponse,
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
import { RawBody, type StaffRequest } from './client';

const id = encodeURIComponent;

export const organisationApi = (request: StaffRequest) => ({
  municipality: () => request<Municipality>('GET', '/municipality'),
  updateMunicipality: (body: UpdateMunicipalityRequest) =>
    request<Municipality>('PUT', '/municipality', body),

  unitTypes: () => request<UnitTypeListResponse>('GET', '/unit-types'),
  units: () => request<UnitListResponse>('GET', '/units'),
  createUnit: (body: CreateUnitRequest) => request<Unit>('POST', '/units', body),
  updateUnit: (unitId: string, body: UpdateUnitRequest) =>
    request<Unit>('PATCH', `/units/${id(unitId)}`, body),
  deleteUnit: (unitId: string) => request<void>('DELETE', `/units/${id(unitId)}`),
  /** All or nothing; a bad file fails with CSV_INVALID and the bad lines in the error body. */
  importUnits: (csv: string) =>
    request<UnitImportResponse>('POST', '/units/import', new RawBody(csv, 'text/csv; charset=utf-8')),

  rounds: () => request<RoundListResponse>('GET', '/rounds'),
  createRound: (body: CreateRoundRequest) => request<AdminRound>('POST', '/rounds', body),
  updateRound: (roundId: string, body: UpdateRoundRequest) =>
    request<AdminRound>('PATCH', `/rounds/${id(roundId)}`, body),
  transitionRound: (roundId: string, transition: RoundTransition) =>
    request<AdminRound>('POST', `/rounds/${id(roundId)}/${transition}`),
  progress: (roundId: string) => request<RoundProgressResponse>('GET', `/rounds/${id(roundId)}/progress`),

  /** The plaintext codes come back this once; the server keeps only hashes. */
  createCodes: (roundId: string, unitId: string, count: number) =>
    request<CreateCodesResponse>('POST', `/rounds/${id(roundId)}/units/${id(unitId)}/codes`, { count }),
  codesSummary: (roundId: string, unitId: string) =>
    request<CodesSummaryResponse>('GET', `/rounds/${id(roundId)}/units/${id(unitId)}/codes/summary`),

  createEnrolment: (roundId: string, unitId: string, body: CreateKioskEnrolmentRequest) =>
    request<KioskEnrolmentResponse>(
      'POST',
      `/rounds/${id(roundId)}/units/${id(unitId)}/kiosk-enrolments`,
      body,
    ),
  kiosks: () => request<KioskListResponse>('GET', '/kiosks'),
  revokeKiosk: (kioskId: string) => request<void>('POST', `/kiosks/${id(kioskId)}/revoke`),
});

export type OrganisationApi = ReturnType<typeof organisationApi>;
