// The end of every plan form: the request's refusal (focused, so a screen reader hears it), then
// save and cancel. One place, so the five forms cannot drift apart in order or wording.
import { useTranslation } from 'react-i18next';
import type { StaffApiError } from '../ui/api-errors';
import { PlanApiError } from './PlanApiError';

interface Props {
  error: StaffApiError | undefined;
  busy: boolean;
  saveLabel: string;
  onCancel: () => void;
}

export function FormEnd({ error, busy, saveLabel, onCancel }: Props) {
  const { t } = useTranslation('followup');
  return (
    <>
      <PlanApiError error={error} focus />
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {saveLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
