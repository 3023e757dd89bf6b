// A failed meeting request in the presenter's texts: the meeting's own refusals (closed, wrong
// step, needs a plan …) say what happened; everything else falls back to the staff messages.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../ui/ApiError';
import type { StaffApiError } from '../ui/api-errors';

const MEETING_CODES = [
  'MEETING_CLOSED',
  'MEETING_WRONG_STEP',
  'MEETING_LIMIT_REACHED',
  'MEETING_NEEDS_PLAN',
] as const;
type MeetingCode = (typeof MEETING_CODES)[number];

export function MeetingApiError({ error, focus }: { error: StaffApiError | undefined; focus?: boolean }) {
  const { t } = useTranslation('presenter');
  return (
    <ApiError
      error={error}
      focus={focus}
      messageFor={(e) =>
        (MEETING_CODES as readonly string[]).includes(e.code)
          ? t(`errors.${e.code as MeetingCode}`)
          : undefined
      }
    />
  );
}
