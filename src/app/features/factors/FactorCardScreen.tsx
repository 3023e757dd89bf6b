// /faktorer/:slug — one card in full. Browse with the buttons, the arrow keys or a swipe; the
// map below shows where the factor sits among the others.
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS, isFactorId, type FactorId } from '../../../shared/factors';
import { FactorCardContent } from './FactorCardContent';
import { factorIndex, neighbours } from './factor-graph';
import { FactorsNav } from './FactorsNav';
import { InfluenceMap } from './InfluenceMap';
import { InfluenceMapText } from './InfluenceMapText';
import { NotFoundCard } from './NotFoundCard';
import { FACTOR_PATHS } from '../../ui/factor-paths';
import { PrevNextNav } from './PrevNextNav';
import { useArrowKeys } from './useArrowKeys';
import { useSwipe } from './useSwipe';

export function FactorCardScreen() {
  const { slug = '' } = useParams();
  if (!isFactorId(slug)) return <NotFoundCard slug={slug.slice(0, 80)} />;
  // Keyed by id so a new card starts fresh (scroll handlers, open details).
  return <FactorCard key={slug} id={slug} />;
}

function FactorCard({ id }: { id: FactorId }) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const navigate = useNavigate();
  const { previous, next } = neighbours(id);
  const goPrevious = useCallback(() => void navigate(FACTOR_PATHS.card(previous)), [navigate, previous]);
  const goNext = useCallback(() => void navigate(FACTOR_PATHS.card(next)), [navigate, next]);
  useArrowKeys(goPrevious, goNext);
  const swipe = useSwipe(goPrevious, goNext);

  return (
    <div className="screen factors-screen">
      <FactorsNav />
      <p className="factor-card__position">
        {t('card.position', { n: factorIndex(id) + 1, total: FACTOR_IDS.length })}
      </p>
      <article className="factor-card-frame swipeable" {...swipe}>
        <FactorCardContent id={id} titleLevel={1} />
      </article>
      <PrevNextNav
        previous={{ name: tf(`factor.${previous}.name`), go: goPrevious }}
        next={{ name: tf(`factor.${next}.name`), go: goNext }}
      />
      <p className="hint no-print">{t('card.browseHint')}</p>
      <section className="factor-map-section" aria-labelledby="factor-map-title">
        <h2 id="factor-map-title">{t('card.mapTitle')}</h2>
        <InfluenceMap current={id} />
        <InfluenceMapText current={id} />
      </section>
    </div>
  );
}
