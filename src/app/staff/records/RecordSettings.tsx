// The settings the record was generated from, as stored: so a printed record says which values
// its sentences rest on, and a later change of a setting shows as a difference between two prints.
import { useTranslation } from 'react-i18next';
import type { ProcessingRecord } from '../../../shared/api/records';

export function RecordSettings({ settings }: { settings: ProcessingRecord['settings'] }) {
  const { t } = useTranslation('records');
  return (
    <section aria-labelledby="record-settings">
      <h2 id="record-settings">{t('record.settingsHeading')}</h2>
      <dl className="processing-record__settings">
        <dt>{t('record.settings.answers')}</dt>
        <dd>{t('record.settings.months', { count: settings.answerRetentionMonths })}</dd>
        <dt>{t('record.settings.audit')}</dt>
        <dd>{t('record.settings.months', { count: settings.auditRetentionMonths })}</dd>
        <dt>{t('record.settings.idle')}</dt>
        <dd>{t('record.settings.hours', { count: settings.sessionIdleHours })}</dd>
        <dt>{t('record.settings.statement')}</dt>
        <dd className="processing-record__url">
          {settings.accessibilityStatementUrl ?? t('record.settings.none')}
        </dd>
      </dl>
    </section>
  );
}
