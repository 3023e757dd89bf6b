// The record's sections in the order of GDPR Art. 30(1): controller, purposes, data subjects and
// data, recipients, transfers, retention, security measures; then the processors and the settings
// the record was made from. Every sentence is a text of the `records` namespace keyed by the
// record's own values, so the record prints in the reader's language.
import { useTranslation } from 'react-i18next';
import type { ProcessingRecord } from '../../../shared/api/records';
import { TableWrap } from '../ui/TableWrap';
import { RecordSettings } from './RecordSettings';

export function RecordBody({ record }: { record: ProcessingRecord }) {
  const { t } = useTranslation('records');
  const { controller, retention } = record;
  return (
    <>
      <section aria-labelledby="record-controller">
        <h2 id="record-controller">{t('record.controllerHeading')}</h2>
        <p>{t('record.controller', { municipality: controller.name, number: controller.number })}</p>
        <p>
          {controller.contact === null
            ? t('record.controllerContactMissing')
            : t('record.controllerContactIs', { contact: controller.contact })}
        </p>
        <p>
          {record.dataProtectionOfficer.contact === null
            ? t('record.dpoMissing')
            : t('record.dpo', { contact: record.dataProtectionOfficer.contact })}
        </p>
      </section>
      <section aria-labelledby="record-purposes">
        <h2 id="record-purposes">{t('record.purposesHeading')}</h2>
        <ul>
          {record.purposes.map((key) => (
            <li key={key}>{t(`record.purposes.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="record-subjects">
        <h2 id="record-subjects">{t('record.subjectsHeading')}</h2>
        <ul>
          {record.dataSubjects.map((key) => (
            <li key={key}>{t(`record.subjects.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="record-data">
        <h2 id="record-data">{t('record.dataHeading')}</h2>
        <h3>{t('record.staffDataHeading')}</h3>
        <ul>
          {record.personalData.staff.map((key) => (
            <li key={key}>{t(`record.staffData.${key}`)}</li>
          ))}
        </ul>
        <h3>{t('record.respondentDataHeading')}</h3>
        <ul>
          {record.personalData.respondents.map((key) => (
            <li key={key}>{t(`record.respondentData.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="record-recipients">
        <h2 id="record-recipients">{t('record.recipientsHeading')}</h2>
        <TableWrap label={t('record.recipientsHeading')}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('record.recipientsRole')}</th>
                <th scope="col">{t('record.recipientsSees')}</th>
                <th scope="col">{t('record.recipientsAccounts')}</th>
              </tr>
            </thead>
            <tbody>
              {record.recipients.map(({ role, accounts }) => (
                <tr key={role}>
                  <th scope="row">{t(`record.roles.${role}`)}</th>
                  <td>{t(`record.sees.${role}`)}</td>
                  <td>{accounts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p>{t('record.noSingleAnswer')}</p>
      </section>
      <section aria-labelledby="record-transfers">
        <h2 id="record-transfers">{t('record.transfersHeading')}</h2>
        <p>{t('record.transfersNone')}</p>
        {record.transfers.identityProvider && (
          <p>{t('record.identityProvider', { issuer: record.transfers.identityProvider.issuer })}</p>
        )}
      </section>
      <section aria-labelledby="record-retention">
        <h2 id="record-retention">{t('record.retentionHeading')}</h2>
        <ul>
          <li>{t('record.retention.answers', { count: retention.answersMonthsAfterPublishing })}</li>
          <li>{t('record.retention.auditLog', { count: retention.auditLogMonths })}</li>
          <li>
            {t('record.retention.sessions', {
              count: retention.sessionIdleHours,
              days: retention.sessionAbsoluteDays,
            })}
          </li>
          <li>{t('record.retention.meetings', { count: retention.meetingInputDays })}</li>
          <li>{t('record.retention.codes')}</li>
          <li>{t('record.retention.threshold', { count: retention.minimumThreshold })}</li>
        </ul>
      </section>
      <section aria-labelledby="record-security">
        <h2 id="record-security">{t('record.securityHeading')}</h2>
        <ul>
          {record.security.map((key) => (
            <li key={key}>{t(`record.security.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="record-processors">
        <h2 id="record-processors">{t('record.processorsHeading')}</h2>
        <p>{t(`record.processors.${record.processors.hosting}`)}</p>
      </section>
      <RecordSettings settings={record.settings} />
    </>
  );
}
