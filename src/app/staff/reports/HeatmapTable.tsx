// The heat map itself: units as rows (indented by depth), factors as columns, each average in a
// shade of its band. The number is always printed, so the shade only repeats what the text says.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HeatmapResponse } from '../../../shared/api/reports';
import { FACTOR_IDS } from '../../../shared/factors';
import { formatDecimal } from '../../ui/format';
import { TableWrap } from '../ui/TableWrap';
import { FactorHeader } from './FactorHeader';
import { heatBand } from './heat-bands';
import { REPORT_PATHS } from './paths';
import { useLanguage } from '../../i18n/useLanguage';

export function HeatmapTable({ data }: { data: HeatmapResponse }) {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  const caption = t('heatmap.caption', { round: data.round.name });
  return (
    <TableWrap label={caption}>
      <table className="admin-table heat-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.unitName')}</th>
            {FACTOR_IDS.map((id) => (
              <FactorHeader key={id} id={id} />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.unitId} className={row.depth === 0 ? 'heat-table__root' : undefined}>
              <th scope="row" style={{ paddingInlineStart: `${0.5 + row.depth * 1}rem` }}>
                <Link to={REPORT_PATHS.report(data.round.id, row.unitId)}>{row.name}</Link>
                {row.suppressed && <span className="unit-tag unit-tag--strong">{t('list.tooFew')}</span>}
              </th>
              {FACTOR_IDS.map((id, i) => {
                const value = row.averages[i] ?? null;
                return value === null ? (
                  <td key={id} className="heat heat--hidden">
                    <span aria-hidden="true">–</span>
                    <span className="visually-hidden">{t('heatmap.hiddenCell')}</span>
                  </td>
                ) : (
                  <td key={id} className={`heat heat--${heatBand(value)}`}>
                    {formatDecimal(value, lng)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
