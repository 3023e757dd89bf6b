// Answers and response rate per unit, indented by the tree. A bar shows the rate at a glance; the
// number next to it is what assistive technology reads (the bar is hidden from it).
import { useTranslation } from 'react-i18next';
import type { UnitProgress } from '../../../shared/api/organisation';
import { normaliseLanguage } from '../../i18n/i18n';
import { buildTree, flattenTree } from '../../../shared/unit-tree';
import { formatCount } from '../ui/admin-format';
import { RateText } from './RateText';
import { TableWrap } from '../ui/TableWrap';

export function ProgressTable({ units }: { units: readonly UnitProgress[] }) {
  const { t, i18n } = useTranslation('admin');
  const lng = normaliseLanguage(i18n.language);
  const rows = flattenTree(buildTree(units.map((u) => ({ ...u, id: u.unitId }))));
  return (
    <TableWrap label={t('progress.tableCaption')}>
      <table className="admin-table progress-table">
        <caption className="visually-hidden">{t('progress.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.unit')}</th>
            <th scope="col" className="admin-table__num">
              {t('progress.answered')}
            </th>
            <th scope="col" className="admin-table__num">
              {t('progress.invited')}
            </th>
            <th scope="col">{t('progress.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ item: unit, depth }) => (
            <tr key={unit.unitId}>
              <th scope="row" style={{ paddingInlineStart: `${0.5 + depth * 1.25}rem` }}>
                {unit.name}
                {unit.openKiosk && <span className="unit-tag">{t('progress.openKiosk')}</span>}
              </th>
              <td className="admin-table__num">{formatCount(unit.answered, lng)}</td>
              <td className="admin-table__num">
                {unit.invited === null ? '–' : formatCount(unit.invited, lng)}
              </td>
              <td>
                <span className="rate">
                  <span className="rate__bar" aria-hidden="true">
                    <span className="rate__fill" style={{ width: `${Math.min(1, unit.rate ?? 0) * 100}%` }} />
                  </span>
                  <RateText rate={unit.rate} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
