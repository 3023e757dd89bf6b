// The poster itself, in the round's language: its texts come from the `preparation` and `factors`
// namespaces of that language, loaded on demand (useTranslation with lng).
import { useTranslation } from 'react-i18next';
import type { PreparationPlan } from '../../../shared/api/preparation';
import { FACTOR_IDS } from '../../../shared/factors';
import { roundName } from '../../../shared/rounds';
import { formatDate } from '../../ui/format';
import { QrCode } from '../ui/QrCode';

export function Poster({ plan }: { plan: PreparationPlan }) {
  const { round } = plan;
  const lng = round.defaultLanguage;
  const { t, ready } = useTranslation(['preparation', 'factors'], { lng });
  if (!ready) return null;
  const site = window.location.host;
  const results = plan.phases.find((p) => p.phase === 'results');
  const p = (key: string) => t(`preparation:poster.${key}` as 'preparation:poster.heading');

  return (
    <article className="poster" lang={lng} aria-labelledby="poster-heading">
      <header className="poster__head">
        <p className="poster__kicker">{roundName(round, lng)}</p>
        <h1 id="poster-heading">{p('heading')}</h1>
        <p className="poster__lead">{p('lead')}</p>
      </header>
      <div className="poster__grid">
        <section className="poster__box">
          <h2>{p('whatTitle')}</h2>
          <p>{p('what')}</p>
        </section>
        <section className="poster__box poster__box--when">
          <h2>{p('whenTitle')}</h2>
          <p className="poster__when">
            {t('preparation:poster.when', {
              start: formatDate(round.opensOn, lng),
              end: formatDate(round.closesOn, lng),
            })}
          </p>
        </section>
        <section className="poster__box poster__box--part">
          <h2>{p('partTitle')}</h2>
          <p>{p('part')}</p>
          <p>{t('preparation:poster.partWhere', { site })}</p>
          <div className="poster__qr">
            <QrCode
              value={`${window.location.origin}/`}
              label={t('preparation:poster.qrLabel', { site })}
              className="poster__qr-code"
            />
            <p>
              <strong>{p('scan')}</strong>
              <br />
              {site}
            </p>
          </div>
        </section>
        <section className="poster__box">
          <h2>{p('whyTitle')}</h2>
          <p>{p('why')}</p>
        </section>
        <section className="poster__box poster__box--factors">
          <h2>{p('factorsTitle')}</h2>
          <ol className="poster__factors">
            {FACTOR_IDS.map((id) => (
              <li key={id}>
                <strong>{t(`factors:factor.${id}.name`)}</strong> {t(`factors:factor.${id}.short`)}
              </li>
            ))}
          </ol>
        </section>
        <section className="poster__box">
          <h2>{p('afterTitle')}</h2>
          <p>
            {t('preparation:poster.after', { date: formatDate(results?.startsOn ?? round.closesOn, lng) })}
          </p>
        </section>
        <section className="poster__box poster__box--anon">
          <h2>{p('anonTitle')}</h2>
          <p>{p('anonNoAccess')}</p>
          <p>{t('preparation:poster.anonThreshold', { count: round.threshold })}</p>
          {round.backgroundEnabled && <p>{p('anonBackground')}</p>}
        </section>
      </div>
    </article>
  );
}
