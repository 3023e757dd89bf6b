// "4 av 10 lest", as text and as a bar. Announced politely when a card is marked.
import { useTranslation } from 'react-i18next';

export function DeckProgress({ read, total }: { read: number; total: number }) {
  const { t } = useTranslation('cards');
  return (
    <div className="deck-progress">
      <p className="deck-progress__text" role="status" data-testid="deck-progress">
        {t('deck.progress', { read, total })}
      </p>
      <progress
        className="deck-progress__bar"
        max={total}
        value={read}
        aria-label={t('deck.progressLabel')}
      />
    </div>
  );
}
