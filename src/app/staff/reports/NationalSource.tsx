// Where "Snitt tjeneste Norge" comes from: a national release made from this server's
// municipalities (which version, made when), figures an admin imported, or nowhere yet. A report
// never shows a national figure without saying which.
import { useTranslation } from 'react-i18next';
import type { NationalInfo } from '../../../shared/api/reports';
import { osloDate } from '../../../shared/dates';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDate } from '../../ui/format';

export function NationalSource({ national }: { national: NationalInfo }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const { year } = national;
  let text: string;
  if (national.source === 'instance') {
    text = t('national.instance', { count: national.municipalities, year });
    const { release } = national;
    if (release) {
      const date = formatDate(osloDate(new Date(release.releasedAt)), language);
      text += ` ${t('national.release', { version: release.version, date })}`;
    }
  } else if (national.source === 'imported')
    text = national.importedSource
      ? t('national.imported', { source: national.importedSource, year })
      : t('national.importedUnnamed', { year });
  else text = t('national.none');
  return <p className="report-source">{text}</p>;
}
