// Opened from the enrolment QR a leader shows: turns this tablet into the unit's survey kiosk.
// The credential is stored on the device (persistent storage requested), the round is downloaded
// and cached for a whole offline shift, and the browser's install prompt is offered.
// What it needs of the survey session comes in as props (App.tsx wires them), so the kiosk
// feature never imports the survey feature.
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createRespondentClient } from '../../connection/respondent-client';
import { requestPersistentStorage, saveKiosk } from '../../offline';
import { useInstallPrompt } from './useInstallPrompt';

type State = { status: 'enrolling' } | { status: 'done'; unit: string } | { status: 'failed' };

interface Props {
  /** The fetch the respondent's calls go through (the survey session's, with the kiosk credential). */
  apiFetch: typeof fetch;
  /** Called once the credential is stored: the round this tablet answers is now its unit's. */
  reloadRound: () => void;
}

export function KioskEnrolScreen({ apiFetch, reloadRound }: Props) {
  const { t } = useTranslation('steps');
  const { token } = useParams();
  const install = useInstallPrompt();
  const [state, setState] = useState<State>({ status: 'enrolling' });
  const started = useRef(false);

  useEffect(() => {
    // The token works once: StrictMode's double effect must not spend it twice.
    if (started.current || !token) return;
    started.current = true;
    const enrol = async () => {
      const reply = await createRespondentClient(apiFetch).enrolKiosk(token);
      // Without a well-formed credential there is nothing to store: the leader makes a new link.
      if (reply.kind !== 'ok') throw new Error(`enrolment failed: ${reply.kind}`);
      const enrolment = reply.body;
      await saveKiosk(enrolment);
      await requestPersistentStorage();
      reloadRound();
      setState({ status: 'done', unit: enrolment.kiosk.unit.name });
    };
    enrol().catch(() => setState({ status: 'failed' }));
  }, [apiFetch, reloadRound, token]);

  return (
    <div className="screen">
      <h1>{t('kiosk.title')}</h1>
      {state.status === 'enrolling' && <p role="status">{t('kiosk.enrolling')}</p>}
      {state.status === 'failed' && (
        <p className="banner banner--error" role="alert">
          {t('kiosk.failed')}
        </p>
      )}
      {state.status === 'done' && (
        <div className="stack">
          <p role="status">{t('kiosk.done', { unit: state.unit })}</p>
          {install.canInstall && (
            <button type="button" className="button button--secondary" onClick={() => void install.prompt()}>
              {t('kiosk.install')}
            </button>
          )}
          <Link className="button button--primary" to="/">
            {t('kiosk.toStart')}
          </Link>
        </div>
      )}
    </div>
  );
}
