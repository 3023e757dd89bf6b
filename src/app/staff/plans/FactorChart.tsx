// Which factors the units chose, to keep up and to improve: bars drawn from the counts (hidden from
// screen readers, which read the table beside them with the same numbers).
import { useTranslation } from 'react-i18next';
import type { OverviewResponse } from '../../../shared/api/plans';
import { TableWrap } from '../ui/TableWrap';
import { useFactorName } from './labels';

export function FactorChart({ factors }: { factors: OverviewResponse['factors'] }) {
  const { t } = useTranslation('followup');
  const factorName = useFactorName();
  const max = Math.max(1, ...factors.map((f) => f.keep + f.improve));
  const width = (n: number) => `${(n / max) * 100}%`;
  return (
    <section className="plan-chart" aria-labelledby="plan-chart-title">
      <h2 id="plan-chart-title">{t('overview.factorsTitle')}</h2>
      <div className="plan-chart__grid">
        <div className="plan-chart__bars" aria-hidden="true">
          <p className="plan-chart__legend">
            <span className="plan-chart__swatch plan-chart__swatch--keep" /> {t('kind.keep')}{' '}
            <span className="plan-chart__swatch plan-chart__swatch--improve" /> {t('kind.improve')}
          </p>
          {factors.map((f) => (
            <div key={f.factorId} className="plan-chart__row">
              <span className="plan-chart__label">{factorName(f.factorId)}</span>
              <span className="plan-chart__track">
                <span className="plan-chart__bar plan-chart__bar--keep" style={{ width: width(f.keep) }} />
                <span
                  className="plan-chart__bar plan-chart__bar--improve"
                  style={{ width: width(f.improve) }}
                />
              </span>
            </div>
          ))}
        </div>
        <TableWrap label={t('overview.factorsTable')}>
          <table className="admin-table">
            <caption>{t('overview.factorsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.factor')}</th>
                <th scope="col" className="admin-table__num">
                  {t('kind.keep')}
                </th>
                <th scope="col" className="admin-table__num">
                  {t('kind.improve')}
                </th>
              </tr>
            </thead>
            <tbody>
              {factors.map((f) => (
                <tr key={f.factorId}>
                  <th scope="row">{factorName(f.factorId)}</th>
                  <td className="admin-table__num">{f.keep}</td>
                  <td className="admin-table__num">{f.improve}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
    </section>
  );
}
