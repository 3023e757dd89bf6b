// How many codes the unit already has in the round, how many were used, and how many answers came
// with a wrong or used code (counted, never stored). Counts only.
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../api/organisation';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';

export function CodesSummary({ roundId, unitId }: { roundId: string; unitId: string }) {
  const { t } = useTranslation('admin');
  const query = useStaffQuery(
    (request) => organisationApi(request).codesSummary(roundId, unitId),
    `codes/${roundId}/${unitId}`,
  );
  if (query.error) return <ApiError error={query.error} />;
  if (!query.data) return null;
  const { issued, used, refused } = query.data;
  return (
    <p className="admin-summary" role="status">
      {t('codes.summary', { issued, used, refused: refused.unknownCode + refused.usedCode })}
    </p>
  );
}
