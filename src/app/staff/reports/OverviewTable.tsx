// The overview: each factor's average for the unit, the municipality and the same service in
// Norway, and the change since the unit's previous round. The municipality overview has no
// separate unit column (it is the municipality), and the change column needs a previous round.
import { useTranslation } from 'react-i18next';
import type { UnitReportResponse } from '../../../shared/api/reports';
import { TableWrap } from '../ui/TableWrap';
import { Figure } from './Figure';
import { useNationalLabel } from './useNationalLabel';

export function OverviewTable({ report }: { report: UnitReportResponse }) {
  const { t } = useTranslation(['reports', 'factors']);
  const nationalLabel = useNationalLabel(report.national);
  const hasUnit = !report.isMunicipality;
  const hasChange = report.previousRound !== null;
  const caption = t('overview.caption');
  return (
    <TableWrap label={caption}>
      <table className="admin-table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.factor')}</th>
            {hasUnit && (
              <th scope="col" className="admin-table__num">
                {t('columns.unit')}
              </th>
            )}
            <th scope="col" className="admin-table__num">
              {t('columns.municipality')}
            </th>
            <th scope="col" className="admin-table__num report-table__wrap">
              {nationalLabel}
            </th>
            {hasChange && (
              <th scope="col" className="admin-table__num report-table__wrap">
                {t('columns.change')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {report.factors.map((row) => (
            <tr key={row.factorId}>
              <th scope="row">{t(`factors:factor.${row.factorId}.name`)}</th>
              {hasUnit && (
                <td className="admin-table__num">
                  <Figure value={row.unit?.average} missing="hidden" />
                </td>
              )}
              <td className="admin-table__num">
                <Figure value={row.municipality?.average} missing="hidden" />
              </td>
              <td className="admin-table__num">
                <Figure value={row.national} missing="noNational" />
              </td>
              {hasChange && (
                <td className="admin-table__num">
                  <Figure value={row.change} missing="noChange" isChange />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
