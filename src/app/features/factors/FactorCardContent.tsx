// One factor card's text, shared by the card screen, the deck and the print view. The title's
// heading level follows the page (h1 on its own screen, h2 inside the deck and the print view).
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';
import { FactorBadges } from './FactorBadges';
import { influencedBy, influencesOf } from './factor-graph';
import { InfluenceLinks } from './InfluenceLinks';
import { useFactorText } from './useFactorText';

interface Props {
  id: FactorId;
  titleLevel: 1 | 2;
  /** On paper the related factors are names, not links. */
  isPrint?: boolean;
  titleId?: string;
}

export function FactorCardContent({ id, titleLevel, isPrint = false, titleId }: Props) {
  const { t } = useTranslation('cards');
  const card = useFactorText()(id);
  const Title = titleLevel === 1 ? 'h1' : 'h2';
  const Sub = titleLevel === 1 ? 'h2' : 'h3';

  return (
    <div className="factor-card">
      <header className="factor-card__header">
        <Title id={titleId} className="factor-card__title">
          {card.name}
        </Title>
        {card.altName && <p className="factor-card__alt">{t('card.alsoCalled', { name: card.altName })}</p>}
        <p className="factor-card__short">{card.short}</p>
        <FactorBadges id={id} />
      </header>
      <section className="factor-card__section">
        <Sub>{t('card.explanation')}</Sub>
        <p>{card.explanation}</p>
      </section>
      <section className="factor-card__section">
        <Sub>{t('card.mattersFor')}</Sub>
        <p>{card.mattersFor}</p>
        <InfluenceLinks label={t('card.influences')} ids={influencesOf(id)} isPlain={isPrint} />
      </section>
      <section className="factor-card__section">
        <Sub>{t('card.lowCauses')}</Sub>
        <p>{card.lowCauses}</p>
        <InfluenceLinks label={t('card.influencedBy')} ids={influencedBy(id)} isPlain={isPrint} />
      </section>
      <section className="factor-card__section factor-card__section--leader">
        <Sub>{t('card.leader')}</Sub>
        <ul>
          {card.leader.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section className="factor-card__section factor-card__section--colleague">
        <Sub>{t('card.colleague')}</Sub>
        <ul>
          {card.colleague.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section className="factor-card__section factor-card__section--reflection">
        <Sub>{t('card.reflection')}</Sub>
        <ul>
          {card.reflection.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
