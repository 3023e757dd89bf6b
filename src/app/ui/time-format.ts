// Time of day in Norway ("13.05", "kl. 13.05") and a moment in words ("28. november 2026 kl.
// 13.05"), for the sending line and the staff screens; format.ts re-exports it.
import type { Language } from '../../shared/languages';
import { formatDate } from './date-format';

/** Time of day in Norway: "13.05" (nb/nn) or "13:05" (en). */
export function formatTime(at: Date, lng: Language): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Oslo',
  }).formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return lng === 'en' ? `${hour}:${minute}` : `${hour}.${minute}`;
}

const osloIsoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "28. november 2026 kl. 13.05" — for the last sync. */
export function formatDateTime(at: Date, lng: Language, atWord: (time: string) => string): string {
  return `${formatDate(osloIsoDate.format(at), lng)} ${atWord(formatTime(at, lng))}`;
}
