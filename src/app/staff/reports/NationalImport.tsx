// CSV import of national figures (see CsvImportForm): how many figures were stored is said after.
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { CsvImportForm } from '../ui/CsvImportForm';
import { reportsApi } from '../api/reports';

export function NationalImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('reports');
  const { request } = useSession();
  return (
    <CsvImportForm
      id="national"
      texts={{
        title: t('nationalImport.title'),
        intro: t('nationalImport.intro'),
        exampleLabel: t('nationalImport.exampleLabel'),
        example: t('nationalImport.example'),
        file: t('nationalImport.file'),
        text: t('nationalImport.text'),
        missing: t('nationalImport.missing'),
        submit: t('nationalImport.submit'),
        badLines: (count) => t('nationalImport.badLines', { count }),
        line: (line) => t('nationalImport.line', { line }),
      }}
      send={(csv) => reportsApi(request).importNationalFigures(csv)}
      describeResult={(result) => t('nationalImport.done', { count: result.imported })}
      onImported={onImported}
    />
  );
}
