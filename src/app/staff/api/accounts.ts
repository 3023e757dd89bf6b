// Staff accounts and their roles (admin only on the server).
import type {
  AccountListResponse,
  Account,
  CreateAccountRequest,
  UpdateRolesRequest,
} from '../../../shared/api/staff';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { StaffRequest } from './client';

export const accountsApi = (request: StaffRequest) => ({
  list: () => request<AccountListResponse>('GET', apiPath(STAFF_PATHS.accounts)),
  create: (body: CreateAccountRequest) => request<Account>('POST', apiPath(STAFF_PATHS.accounts), body),
  updateRoles: (id: string, body: UpdateRolesRequest) =>
    request<Account>('PUT', apiPath(STAFF_PATHS.accountRoles, { id }), body),
  remove: (id: string) => request<void>('DELETE', apiPath(STAFF_PATHS.account, { id })),
});
