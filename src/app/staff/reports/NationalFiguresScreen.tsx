// /admin/nasjonale-tall (admin) — published national averages imported from CSV. Reports use them
// for "Snitt tjeneste Norge" when too few municipalities on this server can be averaged, and say so.
import { useTranslation } from 'react-i18next';
import { NationalFigureTable } from './NationalFigureTable';
import { NationalImport } from './NationalImport';
import { ReportApiError } from './ReportApiError';
import { useNationalFigures } from './useReports';

export function NationalFiguresScreen() {
  const { t } = useTranslation('reports');
  const figures = useNationalFigures();
  const list = figures.data?.figures ?? [];
  return (
    <div className="screen admin-screen">
      <h1>{t('nationalFigures.title')}</h1>
      <p>{t('nationalFigures.intro')}</p>
      <section className="admin-section" aria-labelledby="national-list-title">
        <h2 id="national-list-title">{t('nationalFigures.listTitle')}</h2>
        <ReportApiError error={figures.error} />
        {figures.isLoading && <p role="status">{t('status.loading')}</p>}
        {figures.data && list.length === 0 && <p>{t('nationalFigures.empty')}</p>}
        {list.length > 0 && <NationalFigureTable figures={list} />}
      </section>
      <NationalImport onImported={figures.reload} />
    </div>
  );
}
