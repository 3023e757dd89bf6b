// Sign-in through the municipality's identity provider: which municipalities offer the button
// (public), the start address the button links to (a full page load: the server answers with a
// redirect to the provider), and the admin's provider settings and role mapping.
import type {
  OidcOptionsResponse,
  OidcRoleMappings,
  OidcSettings,
  UpdateOidcSettingsRequest,
} from '../../../shared/api/oidc';
import { apiPath, STAFF_PATHS } from '../../../shared/api/paths';
import type { StaffRequest } from './client';

/** Where the button goes: the server sends the browser on to the provider. */
export const oidcStartHref = (municipalityId: string): string =>
  `${apiPath(STAFF_PATHS.oidcStart)}?${new URLSearchParams({ municipality: municipalityId })}`;

export const oidcApi = (request: StaffRequest) => ({
  options: () => request<OidcOptionsResponse>('GET', apiPath(STAFF_PATHS.oidcOptions)),
  settings: () => request<OidcSettings>('GET', apiPath(STAFF_PATHS.oidcSettings)),
  saveSettings: (body: UpdateOidcSettingsRequest) =>
    request<OidcSettings>('PUT', apiPath(STAFF_PATHS.oidcSettings), body),
  mappings: () => request<OidcRoleMappings>('GET', apiPath(STAFF_PATHS.oidcRoleMappings)),
  saveMappings: (body: OidcRoleMappings) =>
    request<OidcRoleMappings>('PUT', apiPath(STAFF_PATHS.oidcRoleMappings), body),
});
