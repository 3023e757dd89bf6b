// /admin/rapporter/:roundId/varmekart — every unit the person may see against the ten factors, the
// municipality first. For leaders of several units and for admins.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HeatmapLegend } from './HeatmapLegend';
import { HeatmapTable } from './HeatmapTable';
import { REPORT_PATHS } from './paths';
import { ReportApiError } from './ReportApiError';
import { useHeatmap } from './useReports';

export function HeatmapScreen() {
  const { t } = useTranslation('reports');
  const { roundId = '' } = useParams();
  const { data, error, isLoading } = useHeatmap(roundId);
  return (
    <div className="screen admin-screen report">
      <p>
        <Link to={REPORT_PATHS.list}>{t('report.back')}</Link>
      </p>
      <h1>{data ? t('heatmap.title', { round: data.round.name }) : t('heatmap.loadingTitle')}</h1>
      <p>{t('heatmap.intro')}</p>
      <ReportApiError error={error} />
      {isLoading && <p role="status">{t('status.loading')}</p>}
      {data && (
        <>
          <HeatmapLegend />
          <HeatmapTable data={data} />
        </>
      )}
    </div>
  );
}
