// A unit without figures: too few answers, or hidden so a smaller group's figures cannot be worked
// out by subtraction. The server sends no figures at all then; this box is all the report shows.
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { StaffSlot } from '../ui/StaffSlots';

export function SuppressedNotice({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation('reports');
  const protectsOther = report.suppressedReason === 'protects-other';
  return (
    <div className="report-suppressed" role="note" aria-labelledby="report-suppressed-title">
      <h2 id="report-suppressed-title">
        {protectsOther ? t('suppressed.protectsTitle') : t('suppressed.tooFewTitle')}
      </h2>
      <p>
        {protectsOther
          ? t('suppressed.protectsText')
          : t('suppressed.tooFewText', { threshold: report.round.threshold })}
      </p>
      <p>{t('suppressed.elsewhere')}</p>
      <div className="admin-actions no-print">
        <StaffSlot name="reportActions" args={[report]} />
      </div>
    </div>
  );
}
