// /admin/personvern — the processing record as the server generates it today, readable on screen
// and on paper (records.css, @media print: no menu, no buttons), and as the JSON the server sent,
// for the municipality's own register of processing activities.
import { useTranslation } from 'react-i18next';
import type { ProcessingRecord } from '../../../shared/api/records';
import { useLanguage } from '../../i18n/useLanguage';
import { downloadText } from '../../ui/csv';
import { formatDate } from '../../ui/format';
import { PrintTools } from '../../ui/PrintTools';
import { recordsApi } from '../api/records';
import { ApiError } from '../ui/ApiError';
import { ADMIN_PATHS } from '../ui/staff-paths';
import { useStaffQuery } from '../ui/useStaffQuery';
import { RecordBody } from './RecordBody';

const fileName = (record: ProcessingRecord) =>
  `behandlingsprotokoll-${record.controller.number}-${record.generatedOn}.json`;

export function ProcessingRecordScreen() {
  const { t } = useTranslation('records');
  const { language } = useLanguage();
  const query = useStaffQuery((request) => recordsApi(request).processingRecord(), 'processing-record');
  const record = query.data;
  return (
    <div className="screen admin-screen processing-record">
      <p className="processing-record__kicker">{t('record.kicker')}</p>
      <h1>{t('record.title')}</h1>
      {record && (
        <p>
          {t('record.generated', {
            date: formatDate(record.generatedOn, language),
            municipality: record.controller.name,
          })}
        </p>
      )}
      <PrintTools
        className="processing-record__tools"
        back={ADMIN_PATHS.home}
        backLabel={t('record.back')}
        intro={t('record.intro')}
        printLabel={t('record.print')}
        ready={!!record}
      >
        <button
          type="button"
          className="button"
          disabled={!record}
          onClick={() =>
            record &&
            downloadText(`${JSON.stringify(record, null, 2)}\n`, fileName(record), 'application/json')
          }
        >
          {t('record.download')}
        </button>
      </PrintTools>
      <ApiError error={query.error} />
      {record ? <RecordBody record={record} /> : !query.error && <p role="status">{t('record.loading')}</p>}
    </div>
  );
}
