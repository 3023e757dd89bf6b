// The rules of the municipality's settings beyond their bounds (the schema checks those): the
// accessibility statement's address must be an https URL a browser can open as it stands, and
// a change is described for the audit log as "setting: old → new", only for what changed.
import type { MunicipalitySettings } from '../../shared/api/retention';
import { ApiError } from '../api-error';

/** 400 INVALID_URL unless it is an absolute https URL with a host, no spaces and no user or password. */
export function assertStatementUrl(url: string | null): void {
  if (url === null) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApiError('INVALID_URL', 'The address is not a URL');
  }
  if (parsed.protocol !== 'https:') throw new ApiError('INVALID_URL', 'The address must start with https://');
  if (/\s/.test(url) || parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') {
    throw new ApiError('INVALID_URL', 'The address must be an https URL without spaces, user or password');
  }
}

const KEYS = [
  'sessionIdleHours',
  'answerRetentionMonths',
  'auditRetentionMonths',
  'accessibilityStatementUrl',
  'controllerContact',
  'dataProtectionOfficerContact',
] as const satisfies readonly (keyof MunicipalitySettings)[];

/** "answerRetentionMonths: 24 → 36; …", or "no change". None of these is a secret. */
export function describeChange(before: MunicipalitySettings, after: MunicipalitySettings): string {
  const show = (value: number | string | null) => (value === null ? 'none' : String(value));
  const changed = KEYS.filter((key) => before[key] !== after[key]).map(
    (key) => `${key}: ${show(before[key])} → ${show(after[key])}`,
  );
  return changed.length === 0 ? 'no change' : changed.join('; ');
}
