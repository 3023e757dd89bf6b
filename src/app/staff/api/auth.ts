// Sign-in, sign-out and first-admin setup. Every address comes from STAFF_PATHS (src/shared), the
// same patterns the server registers, so no path is written twice.
import type {
  LoginRequest,
  SessionResponse,
  SetupRequest,
  SetupStatusResponse,
} from '../../../shared/api/staff';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { StaffRequest } from './client';

export const authApi = (request: StaffRequest) => ({
  me: () => request<SessionResponse>('GET', apiPath(STAFF_PATHS.me)),
  login: (body: LoginRequest) => request<SessionResponse>('POST', apiPath(STAFF_PATHS.login), body),
  logout: () => request<void>('POST', apiPath(STAFF_PATHS.logout)),
  /** Ends every session of the signed-in person, on every device. */
  logoutEverywhere: () => request<void>('POST', apiPath(STAFF_PATHS.logoutAll)),
  setupStatus: (token: string) =>
    request<SetupStatusResponse>('GET', apiPath(STAFF_PATHS.setupStatus, { token })),
  setup: (body: SetupRequest) => request<SessionResponse>('POST', apiPath(STAFF_PATHS.setup), body),
});
