// Staff accounts and their roles (admin only on the server).
import type {
  AccountListResponse,
  Account,
  CreateAccountRequest,
  UpdateRolesRequest,
} from '../../../shared/api/staff';
import type { StaffRequest } from './client';

export const accountsApi = (request: StaffRequest) => ({
  list: () => request<AccountListResponse>('GET', '/accounts'),
  create: (body: CreateAccountRequest) => request<Account>('POST', '/accounts', body),
  updateRoles: (id: string, body: UpdateRolesRequest) =>
    request<Account>('PUT', `/accounts/${encodeURIComponent(id)}/roles`, body),
  remove: (id: string) => request<void>('DELETE', `/accounts/${encodeURIComponent(id)}`),
});
