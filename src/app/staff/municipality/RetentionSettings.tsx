// The municipality's settings for keeping and deleting data (issue 15): how long the individual
// answers are kept after a round is published, how long the audit log is kept, after how many idle
// hours a staff session ends, the address of the accessibility statement, and the contacts the
// processing record names. The admin edits them; the privacy officer reads them (isEditable
// false: the same texts, no form). Each setting says in its hint what it means, so no one has to
// guess what "24" deletes.
import { useTranslation } from 'react-i18next';
import { retentionApi } from '../api/retention';
import { ApiError } from '../ui/ApiError';
import { useStaffQuery } from '../ui/useStaffQuery';
import { RetentionSettingsForm } from './RetentionSettingsForm';

export function RetentionSettings({ isEditable }: { isEditable: boolean }) {
  const { t } = useTranslation('retention');
  const query = useStaffQuery((request) => retentionApi(request).settings(), 'municipality/settings');
  const settings = query.data;
  return (
    <section className="admin-section" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <ApiError error={query.error} />
      {!settings && !query.error && <p role="status">{t('deletion.loading')}</p>}
      {settings && isEditable && <RetentionSettingsForm settings={settings} onSaved={query.reload} />}
      {settings && !isEditable && (
        <>
          <p className="admin-notice">{t('settings.readOnly')}</p>
          <dl className="retention-facts">
            <dt>{t('settings.answerRetention')}</dt>
            <dd>
              {t('settings.months', { count: settings.answerRetentionMonths })}
              <p className="hint">{t('settings.answerRetentionHint')}</p>
            </dd>
            <dt>{t('settings.auditRetention')}</dt>
            <dd>
              {t('settings.months', { count: settings.auditRetentionMonths })}
              <p className="hint">{t('settings.auditRetentionHint')}</p>
            </dd>
            <dt>{t('settings.sessionIdle')}</dt>
            <dd>
              {t('settings.hours', { count: settings.sessionIdleHours })}
              <p className="hint">{t('settings.sessionIdleHint')}</p>
            </dd>
            <dt>{t('settings.statementUrl')}</dt>
            <dd>{settings.accessibilityStatementUrl ?? t('settings.statementNone')}</dd>
            <dt>{t('settings.controllerContact')}</dt>
            <dd>{settings.controllerContact ?? t('settings.contactNone')}</dd>
            <dt>{t('settings.dpoContact')}</dt>
            <dd>{settings.dataProtectionOfficerContact ?? t('settings.contactNone')}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
