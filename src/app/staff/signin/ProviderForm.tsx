// The provider's settings: issuer, client id, the client secret (write-only: the form says only
// where it comes from now, and offers to keep it, store a new one, read it from an environment
// variable, or use none), the Entra tenant id, and whether the login page shows the button. The
// redirect URI to register at the provider is shown to copy.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENV_NAME_PATTERN, type OidcSecretChange, type OidcSettings } from '../../../shared/api/oidc';
import { ApiError } from '../ui/ApiError';
import { CheckField } from '../ui/CheckField';
import { TextField } from '../ui/TextField';
import { useOidcAction } from './useOidcAction';

type SecretChoice = OidcSecretChange['source'];
const CHOICES: readonly SecretChoice[] = ['keep', 'stored', 'env', 'none'];

interface Errors {
  issuer?: string;
  clientId?: string;
  secretValue?: string;
  secretEnv?: string;
}

export function ProviderForm({ settings, onSaved }: { settings: OidcSettings; onSaved: () => void }) {
  const { t } = useTranslation(['signin', 'admin']);
  const action = useOidcAction();
  const [form, setForm] = useState({
    issuer: settings.issuer,
    clientId: settings.clientId,
    tenantId: settings.tenantId ?? '',
    enabled: settings.enabled,
    secret: (settings.configured ? 'keep' : 'stored') as SecretChoice,
    secretValue: '',
    secretEnv: settings.secretEnv ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [isSaved, setIsSaved] = useState(false);

  const secretNow =
    settings.secretSource === 'env'
      ? t(settings.secretEnvPresent ? 'settings.secretNow.env' : 'settings.secretNow.envMissing', {
          name: settings.secretEnv ?? '',
        })
      : t(`settings.secretNow.${settings.secretSource}`);

  function secretChange(): OidcSecretChange {
    if (form.secret === 'stored') return { source: 'stored', value: form.secretValue };
    if (form.secret === 'env') return { source: 'env', name: form.secretEnv.trim() };
    return { source: form.secret };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {
      issuer: /^https?:\/\/\S+$/.test(form.issuer.trim()) ? undefined : t('settings.issuerInvalid'),
      clientId: form.clientId.trim() ? undefined : t('settings.clientIdMissing'),
      secretValue:
        form.secret === 'stored' && !form.secretValue ? t('settings.secretValueMissing') : undefined,
      secretEnv:
        form.secret === 'env' && !new RegExp(ENV_NAME_PATTERN).test(form.secretEnv.trim())
          ? t('settings.secretEnvInvalid')
          : undefined,
    };
    setErrors(found);
    setIsSaved(false);
    const first = (['issuer', 'clientId', 'secretValue', 'secretEnv'] as const).find((key) => found[key]);
    if (first) {
      document.getElementById(`oidc-${first}`)?.focus();
      return;
    }
    const saved = await action.run((api) =>
      api.saveSettings({
        issuer: form.issuer.trim(),
        clientId: form.clientId.trim(),
        secret: secretChange(),
        tenantId: form.tenantId.trim() || null,
        enabled: form.enabled,
      }),
    );
    if (saved) {
      setIsSaved(true);
      setForm({ ...form, secret: 'keep', secretValue: '' });
      onSaved();
    }
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
      <p>
        {t('settings.redirectUri')}: <code>{settings.redirectUri}</code>
      </p>
      <TextField
        id="oidc-issuer"
        label={t('settings.issuer')}
        hint={t('settings.issuerHint')}
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        value={form.issuer}
        error={errors.issuer}
        onChange={(event) => setForm({ ...form, issuer: event.target.value })}
      />
      <TextField
        id="oidc-clientId"
        label={t('settings.clientId')}
        autoCapitalize="none"
        spellCheck={false}
        value={form.clientId}
        error={errors.clientId}
        onChange={(event) => setForm({ ...form, clientId: event.target.value })}
      />
      <TextField
        id="oidc-tenantId"
        label={t('settings.tenantId')}
        hint={t('settings.tenantIdHint')}
        autoCapitalize="none"
        spellCheck={false}
        value={form.tenantId}
        onChange={(event) => setForm({ ...form, tenantId: event.target.value })}
      />
      <fieldset className="choice-group">
        <legend>{t('settings.secret')}</legend>
        <p className="hint" id="oidc-secret-now">
          {secretNow}
        </p>
        {CHOICES.filter((choice) => choice !== 'keep' || settings.configured).map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name="oidc-secret"
              value={choice}
              checked={form.secret === choice}
              aria-describedby="oidc-secret-now"
              onChange={() => setForm({ ...form, secret: choice })}
            />
            <span>{t(`settings.secretChoice.${choice}`)}</span>
          </label>
        ))}
      </fieldset>
      {form.secret === 'stored' && (
        <TextField
          id="oidc-secretValue"
          type="password"
          autoComplete="off"
          label={t('settings.secretValue')}
          value={form.secretValue}
          error={errors.secretValue}
          onChange={(event) => setForm({ ...form, secretValue: event.target.value })}
        />
      )}
      {form.secret === 'env' && (
        <TextField
          id="oidc-secretEnv"
          label={t('settings.secretEnv')}
          autoCapitalize="none"
          spellCheck={false}
          value={form.secretEnv}
          error={errors.secretEnv}
          onChange={(event) => setForm({ ...form, secretEnv: event.target.value })}
        />
      )}
      <CheckField
        id="oidc-enabled"
        label={t('settings.enabled')}
        checked={form.enabled}
        onChange={(enabled) => setForm({ ...form, enabled })}
      />
      <ApiError error={action.error} />
      <button type="submit" className="button button--primary" disabled={action.isBusy}>
        {t('settings.save')}
      </button>
      <p role="status" className="admin-saved">
        {isSaved ? t('admin:common.saved') : ''}
      </p>
    </form>
  );
}
