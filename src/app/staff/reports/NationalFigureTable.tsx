// The imported national figures, one row per year, unit type and source, the ten factors across.
import { useTranslation } from 'react-i18next';
import { ALL_UNIT_TYPES, type NationalFigure } from '../../../shared/api/reports';
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import { TableWrap } from '../ui/TableWrap';
import { useUnitTypes } from '../ui/useOrganisation';
import { FactorHeader } from './FactorHeader';
import { Figure } from './Figure';
import { useLanguage } from '../../i18n/useLanguage';

interface Row {
  key: string;
  year: number;
  unitType: string;
  source: string;
  averages: Partial<Record<FactorId, number>>;
}

/** The server sorts by year, type and factor; rows keep that order. */
function toRows(figures: readonly NationalFigure[]): Row[] {
  const rows = new Map<string, Row>();
  for (const f of figures) {
    const key = JSON.stringify([f.year, f.unitType, f.source]);
    const row = rows.get(key) ?? { key, year: f.year, unitType: f.unitType, source: f.source, averages: {} };
    row.averages[f.factorId] = f.average;
    rows.set(key, row);
  }
  return [...rows.values()];
}

export function NationalFigureTable({ figures }: { figures: readonly NationalFigure[] }) {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  const unitTypes = useUnitTypes();
  const typeLabel = (code: string) =>
    code === ALL_UNIT_TYPES || code === ''
      ? t('nationalFigures.allTypes')
      : (unitTypes.data?.unitTypes.find((u) => u.code === code)?.label[lng] ?? code);
  const caption = t('nationalFigures.caption');
  return (
    <TableWrap label={caption}>
      <table className="admin-table report-matrix">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nationalFigures.year')}</th>
            <th scope="col">{t('nationalFigures.unitType')}</th>
            <th scope="col">{t('nationalFigures.source')}</th>
            {FACTOR_IDS.map((id) => (
              <FactorHeader key={id} id={id} />
            ))}
          </tr>
        </thead>
        <tbody>
          {toRows(figures).map((row) => (
            <tr key={row.key}>
              <td>{row.year}</td>
              <th scope="row">{typeLabel(row.unitType)}</th>
              <td>{row.source}</td>
              {FACTOR_IDS.map((id) => (
                <td key={id} className="admin-table__num">
                  <Figure value={row.averages[id]} missing="noNational" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
