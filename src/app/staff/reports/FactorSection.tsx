// One factor of a report: its name and one-line definition from the factor cards, its three
// averages as bars, and how the answers spread over the five options. The print view uses the same
// section, one per A4 page.
import { useTranslation } from 'react-i18next';
import type { FactorRow, UnitReportResponse } from '../../../shared/api/reports';
import { AnswerDistribution, type DistributionGroup } from './AnswerDistribution';
import { AverageBars, type BarGroup } from './AverageBars';
import { useNationalLabel } from './useNationalLabel';

interface Props {
  row: FactorRow;
  report: UnitReportResponse;
  className?: string;
}

export function FactorSection({ row, report, className = '' }: Props) {
  const { t } = useTranslation(['reports', 'factors']);
  const nationalLabel = useNationalLabel(report.national);
  const id = row.factorId;
  const name = t(`factors:factor.${id}.name`);
  const titleId = `factor-${id}`;
  const hasUnit = !report.isMunicipality;

  const bars: BarGroup[] = [
    ...(hasUnit
      ? [{ key: 'unit', label: t('columns.unit'), value: row.unit?.average, missing: 'hidden' } as const]
      : []),
    {
      key: 'municipality',
      label: t('columns.municipality'),
      value: row.municipality?.average,
      missing: 'hidden',
    },
    { key: 'national', label: nationalLabel, value: row.national, missing: 'noNational' },
  ];
  const distribution: DistributionGroup[] = [
    ...(hasUnit
      ? [{ key: 'unit', label: t('columns.unit'), shares: row.unit?.distribution ?? null } as const]
      : []),
    { key: 'municipality', label: t('columns.municipality'), shares: row.municipality?.distribution ?? null },
  ];

  return (
    <section className={`report-factor ${className}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{name}</h2>
      <p className="report-factor__short">{t(`factors:factor.${id}.short`)}</p>
      {hasUnit && row.unit === null && <p className="admin-notice">{t('factor.unitHidden')}</p>}
      <div className="report-factor__charts">
        <AverageBars caption={t('factor.averagesCaption', { factor: name })} groups={bars} />
        <AnswerDistribution
          caption={t('factor.distributionCaption', { factor: name })}
          groups={distribution}
        />
      </div>
    </section>
  );
}
