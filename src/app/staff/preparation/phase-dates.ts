// A phase's dates as one text: a single day, or a period.
import type { Language } from '../../../shared/languages';
import { formatDate, formatDateRange } from '../../ui/format';

export const phaseDates = (phase: { startsOn: string; endsOn: string }, lng: Language): string =>
  phase.startsOn === phase.endsOn
    ? formatDate(phase.startsOn, lng)
    : formatDateRange(phase.startsOn, phase.endsOn, lng);
