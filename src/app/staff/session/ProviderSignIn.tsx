// On the login screen: a "sign in with your municipality account" link for each municipality that
// has switched its identity provider on (usually one), and the refusal the server sent the
// browser back with (?feil=<code>) said plainly in an alert. The link is a plain page load: the
// server redirects on to the provider. When the options cannot be loaded, only the password form
// shows, so local sign-in works whatever the provider does.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OIDC_ERROR_PARAM, toOidcRefusal, type OidcOption } from '../../../shared/api/oidc';
import { oidcApi, oidcStartHref } from '../api/oidc';
import { useSession } from './SessionContext';

export function ProviderSignIn() {
  // Its texts load beside the login screen's (the `signin` namespace); until they are here, nothing.
  const { t, ready } = useTranslation('signin');
  const { request } = useSession();
  const [params] = useSearchParams();
  const [providers, setProviders] = useState<OidcOption[]>([]);
  const refusalParam = params.get(OIDC_ERROR_PARAM);
  const refusal = toOidcRefusal(refusalParam);

  useEffect(() => {
    let isCurrent = true;
    oidcApi(request)
      .options()
      .then(
        (answer) => isCurrent && setProviders(answer.providers),
        () => undefined,
      );
    return () => {
      isCurrent = false;
    };
  }, [request]);

  if (!ready) return null;
  return (
    <>
      {refusalParam !== null && (
        <div role="alert" className="admin-error" id="oidc-refusal">
          <p>
            <strong>{t('login.refusals.title')}</strong>
          </p>
          <p>{refusal ? t(`login.refusals.${refusal}`) : t('login.refusals.other')}</p>
        </div>
      )}
      {providers.length > 0 && (
        <div className="admin-provider-sign-in">
          <p className="hint" id="oidc-provider-hint">
            {t('login.providerHint')}
          </p>
          {providers.map((provider) => (
            <a
              key={provider.municipalityId}
              className="button button--primary"
              href={oidcStartHref(provider.municipalityId)}
              aria-describedby="oidc-provider-hint"
            >
              {t('login.provider', { municipality: provider.municipalityName })}
            </a>
          ))}
          <p className="admin-provider-divider">{t('login.orDivider')}</p>
        </div>
      )}
    </>
  );
}
