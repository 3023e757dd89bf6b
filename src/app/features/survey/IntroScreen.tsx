// What the survey is for and the promises it makes, before the first statement.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PATHS } from './paths';
import { RequireDraft } from './RequireDraft';

export function IntroScreen() {
  const { t } = useTranslation('steps');
  return (
    <RequireDraft>
      {(data) => (
        <div className="screen intro">
          <h1>{t('intro.title')}</h1>
          <p>{t('intro.purpose')}</p>
          <ul className="intro__promises">
            <li>{t('intro.anonymous')}</li>
            <li>{t('intro.threshold', { threshold: data.round.threshold })}</li>
            <li>{t('intro.background')}</li>
            <li>{t('intro.duration')}</li>
            <li>{t('intro.sharedDevice')}</li>
          </ul>
          <Link className="button button--primary button--large" to={PATHS.statement(1)}>
            {t('intro.continue')}
          </Link>
        </div>
      )}
    </RequireDraft>
  );
}
