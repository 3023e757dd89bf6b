// The admin's form for the retention settings (./RetentionSettings.tsx): whole numbers within the
// server's bounds (SETTINGS_LIMITS), an https address or nothing, and the processing record's two
// contacts (free text, or nothing), checked here first so the message stands beside the field;
// the server checks again and answers INVALID_URL for an address.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTINGS_LIMITS, type MunicipalitySettings } from '../../../shared/api/retention';
import { retentionApi } from '../api/retention';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../ui/ApiError';
import { toStaffApiError, type StaffApiError } from '../ui/api-errors';
import { TextField } from '../ui/TextField';

type NumberKey = 'answerRetentionMonths' | 'auditRetentionMonths' | 'sessionIdleHours';
const FIELDS = [
  { key: 'answerRetentionMonths', label: 'settings.answerRetention', hint: 'settings.answerRetentionHint' },
  { key: 'auditRetentionMonths', label: 'settings.auditRetention', hint: 'settings.auditRetentionHint' },
  { key: 'sessionIdleHours', label: 'settings.sessionIdle', hint: 'settings.sessionIdleHint' },
] as const satisfies readonly { key: NumberKey; label: string; hint: string }[];

const fieldId = (key: string) => `retention-${key}`;

/** The processing record's two contacts (GDPR Art. 30(1)(a)), written as the admin likes. */
const CONTACTS = ['controllerContact', 'dataProtectionOfficerContact'] as const;
const CONTACT_TEXTS = {
  controllerContact: { label: 'settings.controllerContact', hint: 'settings.controllerContactHint' },
  dataProtectionOfficerContact: { label: 'settings.dpoContact', hint: 'settings.dpoContactHint' },
} as const;
const contactOf = (text: string) => (text.trim() === '' ? null : text.trim());

function isHttpsUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

interface Props {
  settings: MunicipalitySettings;
  onSaved: () => void;
}

export function RetentionSettingsForm({ settings, onSaved }: Props) {
  const { t } = useTranslation('retention');
  const { request } = useSession();
  const [form, setForm] = useState({
    answerRetentionMonths: String(settings.answerRetentionMonths),
    auditRetentionMonths: String(settings.auditRetentionMonths),
    sessionIdleHours: String(settings.sessionIdleHours),
    accessibilityStatementUrl: settings.accessibilityStatementUrl ?? '',
    controllerContact: settings.controllerContact ?? '',
    dataProtectionOfficerContact: settings.dataProtectionOfficerContact ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof form, string>>>({});
  const [error, setError] = useState<StaffApiError>();
  const [isBusy, setIsBusy] = useState(false);
  const [isSaved, setIsSaved] = useState(false);

  const limitsOf = (key: NumberKey) => SETTINGS_LIMITS[key];
  const whole = (key: NumberKey): number | undefined => {
    const text = form[key].trim();
    const value = Number(text);
    const { min, max } = limitsOf(key);
    return /^\d+$/.test(text) && value >= min && value <= max ? value : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    const url = form.accessibilityStatementUrl.trim();
    const found: typeof errors = {};
    for (const { key } of FIELDS) {
      if (whole(key) === undefined) found[key] = t('settings.rangeError', limitsOf(key));
    }
    if (url !== '' && !isHttpsUrl(url)) found.accessibilityStatementUrl = t('settings.urlError');
    const max = SETTINGS_LIMITS.contactMaxLength;
    for (const key of CONTACTS) {
      if (form[key].trim().length > max) found[key] = t('settings.contactError', { max });
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setIsBusy(true);
    setError(undefined);
    try {
      await retentionApi(request).saveSettings({
        answerRetentionMonths: whole('answerRetentionMonths')!,
        auditRetentionMonths: whole('auditRetentionMonths')!,
        sessionIdleHours: whole('sessionIdleHours')!,
        accessibilityStatementUrl: url === '' ? null : url,
        controllerContact: contactOf(form.controllerContact),
        dataProtectionOfficerContact: contactOf(form.dataProtectionOfficerContact),
      });
      setIsSaved(true);
      onSaved();
    } catch (caught) {
      setError(toStaffApiError(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      {FIELDS.map(({ key, label, hint }) => (
        <TextField
          key={key}
          id={fieldId(key)}
          label={t(label)}
          hint={t(hint)}
          inputMode="numeric"
          className="admin-field--short"
          value={form[key]}
          error={errors[key]}
          onChange={(event) => setForm({ ...form, [key]: event.target.value })}
        />
      ))}
      <TextField
        id={fieldId('accessibilityStatementUrl')}
        label={t('settings.statementUrl')}
        hint={t('settings.statementUrlHint')}
        type="url"
        inputMode="url"
        maxLength={SETTINGS_LIMITS.accessibilityStatementUrlMaxLength}
        value={form.accessibilityStatementUrl}
        error={errors.accessibilityStatementUrl}
        onChange={(event) => setForm({ ...form, accessibilityStatementUrl: event.target.value })}
      />
      {CONTACTS.map((key) => (
        <TextField
          key={key}
          id={fieldId(key)}
          label={t(CONTACT_TEXTS[key].label)}
          hint={t(CONTACT_TEXTS[key].hint)}
          value={form[key]}
          error={errors[key]}
          onChange={(event) => setForm({ ...form, [key]: event.target.value })}
        />
      ))}
      <ApiError
        error={error}
        focus
        messageFor={(e) => (e.code === 'INVALID_URL' ? t('errors.invalidUrl') : undefined)}
      />
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {t('settings.save')}
      </button>
      <p role="status" className="admin-saved">
        {isSaved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
