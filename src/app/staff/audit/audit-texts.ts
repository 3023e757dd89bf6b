// How an audit entry reads on screen: the minute in Oslo time, and the action in words (every
// action name of src/shared/audit.ts has a text in locales/*/audit.json under actions.*).
import type { AuditAction } from '../../../shared/audit';
import type { Language } from '../../../shared/languages';
import { formatDate, formatTime } from '../../ui/format';

/** 'report.unit.read' → 'report_unit_read': i18next reads dots as nesting. */
export const actionKey = (action: AuditAction) => action.replaceAll('.', '_') as ActionTextKey;
type ReplaceDots<S extends string> = S extends `${infer H}.${infer T}` ? `${H}_${ReplaceDots<T>}` : S;
export type ActionTextKey = ReplaceDots<AuditAction>;

/** "10. mars 2026 12.00": an entry's UTC minute ('YYYY-MM-DDTHH:MMZ') in Oslo time. */
export function entryTime(at: string, lng: Language): string {
  const instant = new Date(at.replace('Z', ':00Z'));
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(instant);
  return `${formatDate(day, lng)} ${formatTime(instant, lng)}`;
}
