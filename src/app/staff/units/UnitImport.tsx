// CSV import of the unit tree (see CsvImportForm): created and updated units are counted after,
// and the unit types the unit_type column accepts are listed beside the example.
import { useTranslation } from 'react-i18next';
import type { UnitType } from '../../../shared/api/organisation';
import { useLanguage } from '../../i18n/useLanguage';
import { organisationApi } from '../api/organisation';
import { useSession } from '../session/SessionContext';
import { CsvImportForm } from '../ui/CsvImportForm';

export function UnitImport({
  unitTypes,
  onImported,
}: {
  unitTypes: readonly UnitType[];
  onImported: () => void;
}) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
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
      help={
        <div className="admin-import-types">
          <p id="units-types-title">{t('import.typesTitle')}</p>
          {unitTypes.length === 0 ? (
            <p>{t('import.typesNone')}</p>
          ) : (
            <ul aria-labelledby="units-types-title">
              {unitTypes.map((type) => (
                <li key={type.code}>
                  {type.label[language]} (<code>{type.code}</code>)
                </li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}
