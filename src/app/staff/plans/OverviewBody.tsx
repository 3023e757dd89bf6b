// The overview's figures for one municipality or sector (see OverviewScreen.tsx).
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, PLAN_STATUSES, type OverviewResponse } from '../../../shared/api/plans';
import { downloadText } from '../../ui/csv';
import { formatDate, formatPercent } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';
import { ApiError } from '../ui/ApiError';
import { TableWrap } from '../ui/TableWrap';
import { useExportLog } from '../ui/useExportLog';
import { FactorChart } from './FactorChart';
import { useFactorName } from './labels';
import { overviewCsv } from './overview-csv';

export function OverviewBody({ overview }: { overview: OverviewResponse }) {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  const factorName = useFactorName();
  const o = overview;
  const { logged, error } = useExportLog();
  const what = { subject: 'plans', roundId: o.round.id, unitId: o.unit.id } as const;
  const share = o.agreedShare === null ? t('overview.noUnits') : formatPercent(o.agreedShare, language, 0);

  const makeCsv = () =>
    downloadText(
      overviewCsv(o, {
        unit: t('overview.unit'),
        status: t('overview.status'),
        measures: t('overview.measures'),
        done: t('overview.done'),
        overdue: t('overview.overdueMeasures'),
        nextReview: t('overview.nextReview'),
        reviewOverdue: t('overview.reviewOverdue'),
        yes: t('overview.yes'),
        no: t('overview.no'),
        noPlan: t('overview.noPlan'),
        factor: t('overview.factor'),
        keep: t('kind.keep'),
        improve: t('kind.improve'),
        statusName: (s) => t(`status.${s}`),
        factorName,
        date: (iso) => formatDate(iso, language),
      }),
      t('overview.filename', {
        unit: o.unit.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'),
        round: o.round.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'),
      }),
    );

  return (
    <>
      <h2>{t('overview.heading', { unit: o.unit.name, round: o.round.name })}</h2>
      <div className="admin-actions no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void logged({ kind: 'csv', ...what }, makeCsv)}
        >
          {t('overview.download')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void logged({ kind: 'print', ...what }, () => window.print())}
        >
          {t('overview.print')}
        </button>
      </div>
      <ApiError error={error} />
      <dl className="plan-facts plan-facts--big">
        <div>
          <dt>{t('overview.agreedShare')}</dt>
          <dd>
            {share}{' '}
            <span className="admin-table__small">
              {t('overview.agreedOf', { agreed: o.unitsWithAgreedPlan, units: o.units })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('overview.overdueMeasures')}</dt>
          <dd>{o.overdueMeasures}</dd>
        </div>
        <div>
          <dt>{t('overview.overdueReviews')}</dt>
          <dd>{o.overdueReviews}</dd>
        </div>
      </dl>
      <div className="plan-overview__counts">
        <CountTable
          caption={t('overview.plansByStatus')}
          rows={PLAN_STATUSES.map((s) => [t(`status.${s}`), o.plansByStatus[s]])}
        />
        <CountTable
          caption={t('overview.measuresByStatus')}
          rows={MEASURE_STATUSES.map((s) => [t(`measureStatus.${s}`), o.measuresByStatus[s]])}
        />
      </div>
      <FactorChart factors={o.factors} />
      <TableWrap label={t('overview.unitsTable')}>
        <table className="admin-table">
          <caption>{t('overview.unitsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.unit')}</th>
              <th scope="col">{t('overview.status')}</th>
              <th scope="col">{t('overview.doneOf')}</th>
              <th scope="col">{t('overview.overdueMeasures')}</th>
              <th scope="col">{t('overview.nextReview')}</th>
            </tr>
          </thead>
          <tbody>
            {o.rows.map((row) => (
              <tr key={row.unitId}>
                <th scope="row">{row.name}</th>
                <td>{row.status ? t(`status.${row.status}`) : t('overview.noPlan')}</td>
                <td className="admin-table__num">
                  {t('overview.doneOfValue', { done: row.measuresDone, total: row.measures })}
                </td>
                <td className="admin-table__num">{row.overdueMeasures}</td>
                <td>
                  {row.nextReviewOn ? formatDate(row.nextReviewOn, language) : '–'}
                  {row.reviewOverdue && (
                    <span className="unit-tag unit-tag--strong">{t('overview.late')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  const { t } = useTranslation('followup');
  return (
    <TableWrap label={caption}>
      <table className="admin-table plan-count-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.status')}</th>
            <th scope="col" className="admin-table__num">
              {t('overview.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="admin-table__num">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
