// Where "Snitt tjeneste Norge" comes from: this server's municipalities, figures an admin imported,
// or nowhere yet. A report never shows a national figure without saying which.
import { useTranslation } from 'react-i18next';
import type { NationalInfo } from '../../../shared/api/reports';

export function NationalSource({ national }: { national: NationalInfo }) {
  const { t } = useTranslation('reports');
  const { year } = national;
  let text: string;
  if (national.source === 'instance') text = t('national.instance', { count: national.municipalities, year });
  else if (national.source === 'imported')
    text = national.importedSource
      ? t('national.imported', { source: national.importedSource, year })
      : t('national.importedUnnamed', { year });
  else text = t('national.none');
  return <p className="report-source">{text}</p>;
}
