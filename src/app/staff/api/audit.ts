// The audit log (issue 15): searching it, its CSV's address, telling the server about an export
// before the browser makes it, and the sessions an admin manages for another person (a one-time
// password link, ending their sessions) with the link's public side.
import type {
  AuditExportRequest,
  AuditLogQuery,
  AuditLogResponse,
  PasswordResetLink,
  PasswordResetRequest,
  PasswordResetStatus,
} from '../../../shared/api/audit';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { StaffRequest } from './client';

/** The query string of a search: only the filters that are set. */
export function auditQueryString(query: AuditLogQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The address of the search's CSV: a plain link, the session cookie goes with it. */
export const auditExportHref = (query: AuditLogQuery): string =>
  `${apiPath(STAFF_PATHS.auditLogExport)}${auditQueryString(query)}`;

export const auditApi = (request: StaffRequest) => ({
  search: (query: AuditLogQuery) =>
    request<AuditLogResponse>('GET', `${apiPath(STAFF_PATHS.auditLog)}${auditQueryString(query)}`),
  /** Awaited before a CSV or a print is made: the export is logged, or it is not made. */
  exporting: (body: AuditExportRequest) => request<void>('POST', apiPath(STAFF_PATHS.auditExports), body),
  passwordLink: (id: string) =>
    request<PasswordResetLink>('POST', apiPath(STAFF_PATHS.accountPasswordReset, { id })),
  endSessions: (id: string) => request<void>('POST', apiPath(STAFF_PATHS.accountSessionsEnd, { id })),
  passwordResetStatus: (token: string) =>
    request<PasswordResetStatus>('GET', apiPath(STAFF_PATHS.passwordResetStatus, { token })),
  resetPassword: (body: PasswordResetRequest) =>
    request<void>('POST', apiPath(STAFF_PATHS.passwordReset), body),
});
