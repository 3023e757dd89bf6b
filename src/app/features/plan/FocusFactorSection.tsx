// One chosen factor on the public page: kept up or improved, its name and card text (the factor
// cards' own texts, locales/*/factors.json), why the unit chose it, its goals and its measures.
// Measures are a list, not a table, so they read well on a 360 px phone.
import { useTranslation } from 'react-i18next';
import type { PublicPlanResponse, PublicResponsible } from '../../../shared/api/plans';
import { normaliseLanguage } from '../../i18n/i18n';
import { FACTOR_PATHS } from '../../ui/factor-paths';
import { formatDate } from '../../ui/format';
import { Link } from 'react-router';

type Focus = PublicPlanResponse['focusFactors'][number];

function useResponsible() {
  const { t } = useTranslation('plan');
  return (who: PublicResponsible) => (who.kind === 'role' ? who.text : t(`role.${who.role ?? 'none'}`));
}

export function FocusFactorSection({ focus }: { focus: Focus }) {
  const { t, i18n } = useTranslation(['plan', 'factors']);
  const lng = normaliseLanguage(i18n.language);
  const responsible = useResponsible();
  const name = t(`factors:factor.${focus.factorId}.name`);
  const titleId = `focus-${focus.factorId}`;
  return (
    <section className={`focus-factor focus-factor--${focus.kind}`} aria-labelledby={titleId}>
      <p className="focus-factor__kind">{t(`plan:kind.${focus.kind}`)}</p>
      <h2 id={titleId}>{name}</h2>
      <p>{t(`factors:factor.${focus.factorId}.short`)}</p>
      <p>
        <Link to={FACTOR_PATHS.card(focus.factorId)}>{t('plan:cardLink', { factor: name })}</Link>
      </p>
      {focus.why && (
        <>
          <h3>{t('plan:why')}</h3>
          <p>{focus.why}</p>
        </>
      )}
      {focus.goals.length > 0 && (
        <>
          <h3>{t('plan:goals')}</h3>
          <ul className="focus-factor__goals">
            {focus.goals.map((goal, i) => (
              <li key={i}>
                <p>{goal.text}</p>
                {goal.howWeKnow && (
                  <p className="focus-factor__know">{t('plan:howWeKnow', { text: goal.howWeKnow })}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('plan:measures')}</h3>
      {focus.measures.length === 0 ? (
        <p>{t('plan:noMeasures')}</p>
      ) : (
        <ul className="focus-factor__measures">
          {focus.measures.map((measure, i) => (
            <li key={i} className="measure">
              <p className="measure__text">{measure.text}</p>
              <dl className="measure__facts">
                <div>
                  <dt>{t('plan:responsible')}</dt>
                  <dd>{responsible(measure.responsible)}</dd>
                </div>
                <div>
                  <dt>{t('plan:deadline')}</dt>
                  <dd>{formatDate(measure.deadline, lng)}</dd>
                </div>
                <div>
                  <dt>{t('plan:status')}</dt>
                  <dd>
                    <span className={`measure-status measure-status--${measure.status}`}>
                      {t(`plan:measureStatus.${measure.status}`)}
                    </span>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
