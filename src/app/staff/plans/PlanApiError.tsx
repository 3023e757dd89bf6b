// A failed plan request in the follow-up texts: the plan's own refusals (locked, not ready, too
// many factors …) say what to do; everything else falls back to the staff app's messages.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../ui/ApiError';
import type { StaffApiError } from '../ui/api-errors';

const PLAN_CODES = [
  'PLAN_EXISTS',
  'PLAN_INVALID_TRANSITION',
  'PLAN_LOCKED',
  'PLAN_NOT_READY',
  'TOO_MANY_FOCUS_FACTORS',
  'FOCUS_FACTOR_TAKEN',
] as const;
type PlanCode = (typeof PLAN_CODES)[number];

export function PlanApiError({ error, focus }: { error: StaffApiError | undefined; focus?: boolean }) {
  const { t } = useTranslation('followup');
  return (
    <ApiError
      error={error}
      focus={focus}
      messageFor={(e) =>
        (PLAN_CODES as readonly string[]).includes(e.code) ? t(`errors.${e.code as PlanCode}`) : undefined
      }
    />
  );
}
