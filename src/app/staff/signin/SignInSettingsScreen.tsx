// /admin/innlogging — the municipality's identity provider (admin only): the provider's settings
// and the mapping from its app roles (or group ids) to tifaktor roles. Texts: the `signin`
// namespace, loaded when the screen or the login screen's button first needs it.
import { useTranslation } from 'react-i18next';
import { oidcApi } from '../api/oidc';
import { ApiError } from '../ui/ApiError';
import { useUnits } from '../ui/useOrganisation';
import { useStaffQuery } from '../ui/useStaffQuery';
import { ProviderForm } from './ProviderForm';
import { RoleMappingsForm } from './RoleMappingsForm';

export function SignInSettingsScreen() {
  const { t } = useTranslation(['signin', 'admin']);
  const settings = useStaffQuery((request) => oidcApi(request).settings(), 'oidc-settings');
  const mappings = useStaffQuery((request) => oidcApi(request).mappings(), 'oidc-mappings');
  const units = useUnits();
  const loading = <p role="status">{t('admin:common.loading')}</p>;
  return (
    <div className="screen admin-screen">
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      <section aria-labelledby="oidc-provider-heading">
        <h2 id="oidc-provider-heading">{t('settings.provider')}</h2>
        <ApiError error={settings.error} />
        {settings.data ? (
          <ProviderForm settings={settings.data} onSaved={settings.reload} />
        ) : (
          !settings.error && loading
        )}
      </section>
      <section aria-labelledby="oidc-mappings-heading">
        <h2 id="oidc-mappings-heading">{t('settings.mappings')}</h2>
        <p>{t('settings.mappingsIntro')}</p>
        <ApiError error={mappings.error ?? units.error} />
        {mappings.data && units.data ? (
          <RoleMappingsForm mappings={mappings.data.mappings} units={units.data.units} />
        ) : (
          !mappings.error && !units.error && loading
        )}
      </section>
    </div>
  );
}
