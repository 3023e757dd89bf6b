// A failed report request, with the report screens' own wording for "not published yet".
import { useTranslation } from 'react-i18next';
import { ApiError } from '../ui/ApiError';
import type { StaffApiError } from '../ui/api-errors';

export function ReportApiError({ error }: { error: StaffApiError | undefined }) {
  const { t } = useTranslation('reports');
  return (
    <ApiError
      error={error}
      messageFor={(e) => (e.code === 'REPORT_NOT_AVAILABLE' ? t('errors.notAvailable') : undefined)}
    />
  );
}
