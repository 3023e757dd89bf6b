// CSV import of the unit tree (see CsvImportForm): created and updated units are counted after.
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../api/organisation';
import { useSession } from '../session/SessionContext';
import { CsvImportForm } from '../ui/CsvImportForm';

export function UnitImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('admin');
  const { request } = useSession();
  return (
    <CsvImportForm
      id="units"
      texts={{
        title: t('import.title'),
        intro: t('import.intro'),
        exampleLabel: t('import.exampleLabel'),
        example: t('import.example'),
        file: t('import.file'),
        text: t('import.text'),
        missing: t('import.missing'),
        submit: t('import.submit'),
        badLines: (count) => t('import.badLines', { count }),
        line: (line) => t('import.line', { line }),
      }}
      send={(csv) => organisationApi(request).importUnits(csv)}
      describeResult={(result) => t('import.done', { created: result.created, updated: result.updated })}
      onImported={onImported}
    />
  );
}
