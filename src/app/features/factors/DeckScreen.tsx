// /faktorer/les — deck mode for new hires: the ten cards in the survey's order, one at a time,
// each marked as read on this device (see useReadMarks), with progress and a fresh start.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS } from '../../../shared/factors';
import { deckIndex, deckPath } from './deck';
import { DeckProgress } from './DeckProgress';
import { DeckSteps } from './DeckSteps';
import { FactorCardContent } from './FactorCardContent';
import { FactorsNav } from './FactorsNav';
import { PrevNextNav } from './PrevNextNav';
import { useArrowKeys } from './useArrowKeys';
import { useReadMarks } from './useReadMarks';
import { useSwipe } from './useSwipe';

const LAST = FACTOR_IDS.length - 1;

export function DeckScreen() {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { read, setRead, reset } = useReadMarks();
  const [message, setMessage] = useState('');
  const index = deckIndex(params.get('kort'), read);
  const id = FACTOR_IDS[index]!;
  const isRead = read.has(id);

  // Replace, not push: Back leaves the deck instead of stepping through every card seen.
  const goTo = useCallback((i: number) => void navigate(deckPath(i), { replace: true }), [navigate]);
  const goPrevious = index > 0 ? () => goTo(index - 1) : undefined;
  const goNext = index < LAST ? () => goTo(index + 1) : undefined;
  useArrowKeys(goPrevious, goNext);
  const swipe = useSwipe(goPrevious, goNext);

  // Pin the starting card (the first unread one) in the URL, or marking it would move the deck.
  const hasPosition = params.get('kort') !== null;
  useEffect(() => {
    if (!hasPosition) goTo(index);
  }, [hasPosition, index, goTo]);

  // A new card: move focus to its title, so a screen reader reads the new card.
  const shownIndex = useRef(index);
  useEffect(() => {
    if (shownIndex.current === index) return;
    shownIndex.current = index;
    const title = document.getElementById('deck-card-title');
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }, [index]);

  return (
    <div className="screen factors-screen deck">
      <FactorsNav />
      <h1>{t('deck.title')}</h1>
      <p>{t('deck.intro')}</p>
      <p className="hint">{t('deck.privacy')}</p>
      <DeckProgress read={read.size} total={FACTOR_IDS.length} />
      {read.size === FACTOR_IDS.length && <p className="deck__done">{t('deck.allRead')}</p>}
      <DeckSteps current={index} read={read} />
      <p className="factor-card__position">{t('deck.cardOf', { n: index + 1, total: FACTOR_IDS.length })}</p>
      <article
        className={`factor-card-frame swipeable${isRead ? ' factor-card-frame--read' : ''}`}
        aria-labelledby="deck-card-title"
        {...swipe}
      >
        <FactorCardContent id={id} titleLevel={2} titleId="deck-card-title" />
      </article>
      <div className="deck__mark">
        {isRead && <p className="deck__is-read">{t('deck.isRead')}</p>}
        <button
          type="button"
          className={`button ${isRead ? 'button--secondary' : 'button--primary'}`}
          onClick={() => {
            setRead(id, !isRead);
            setMessage('');
          }}
        >
          {isRead ? t('deck.markUnread') : t('deck.markRead')}
        </button>
      </div>
      <PrevNextNav
        previous={goPrevious && { name: tf(`factor.${FACTOR_IDS[index - 1]!}.name`), go: goPrevious }}
        next={goNext && { name: tf(`factor.${FACTOR_IDS[index + 1]!}.name`), go: goNext }}
      />
      <div className="deck__reset">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            reset();
            setMessage(t('deck.resetDone'));
            goTo(0);
          }}
        >
          {t('deck.reset')}
        </button>
        <p role="status" className="hint">
          {message}
        </p>
      </div>
    </div>
  );
}
