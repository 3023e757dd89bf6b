// The lists most staff screens need, each its own request so one failing does not hide the rest.
import type {
  RoundListResponse,
  UnitListResponse,
  UnitTypeListResponse,
} from '../../../shared/api/organisation';
import { organisationApi } from '../api/organisation';
import { useStaffQuery, type StaffQuery } from './useStaffQuery';

export const useUnits = (): StaffQuery<UnitListResponse> =>
  useStaffQuery((request) => organisationApi(request).units(), 'units');

export const useUnitTypes = (): StaffQuery<UnitTypeListResponse> =>
  useStaffQuery((request) => organisationApi(request).unitTypes(), 'unit-types');

export const useRounds = (): StaffQuery<RoundListResponse> =>
  useStaffQuery((request) => organisationApi(request).rounds(), 'rounds');
