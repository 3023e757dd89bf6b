// The plan's state as a small tag ("Utkast", "Avtalt" …) and a measure's status ("Står fast").
import { useTranslation } from 'react-i18next';
import type { MeasureStatus, PlanStatus } from '../../../shared/api/plans';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation('followup');
  return <span className={`admin-status plan-status plan-status--${status}`}>{t(`status.${status}`)}</span>;
}

export function MeasureStatusTag({ status, overdue }: { status: MeasureStatus; overdue: boolean }) {
  const { t } = useTranslation('followup');
  return (
    <>
      <span className={`admin-status measure-status measure-status--${status}`}>
        {t(`measureStatus.${status}`)}
      </span>
      {overdue && <span className="unit-tag unit-tag--strong">{t('measure.overdue')}</span>}
    </>
  );
}
