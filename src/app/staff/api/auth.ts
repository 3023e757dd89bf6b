// Sign-in, sign-out and first-admin setup. URLs live here and in the other api/*.ts files only,
// next to the contract types they carry.
import type {
  LoginRequest,
  SessionResponse,
  SetupRequest,
  SetupStatusResponse,
} from '../../../shared/api/staff';
import type { StaffRequest } from './client';

export const authApi = (request: StaffRequest) => ({
  me: () => request<SessionResponse>('GET', '/auth/me'),
  login: (body: LoginRequest) => request<SessionResponse>('POST', '/auth/login', body),
  logout: () => request<void>('POST', '/auth/logout'),
  /** Ends every session of the signed-in person, on every device. */
  logoutEverywhere: () => request<void>('POST', '/auth/logout-all'),
  setupStatus: (token: string) =>
    request<SetupStatusResponse>('GET', `/auth/setup/${encodeURIComponent(token)}`),
  setup: (body: SetupRequest) => request<SessionResponse>('POST', '/auth/setup', body),
});
