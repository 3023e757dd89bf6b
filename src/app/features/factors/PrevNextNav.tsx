// Previous / next as real buttons, each naming the card it leads to. A missing side (the ends
// of the deck) keeps its place so the other button does not jump.
import { useTranslation } from 'react-i18next';

interface Side {
  name: string;
  go: () => void;
}

interface Props {
  previous: Side | undefined;
  next: Side | undefined;
}

export function PrevNextNav({ previous, next }: Props) {
  const { t } = useTranslation('cards');
  return (
    <nav className="prev-next no-print" aria-label={t('card.navLabel')}>
      {previous ? (
        <button type="button" className="prev-next__button prev-next__button--previous" onClick={previous.go}>
          <span className="prev-next__direction">{t('card.previous')}</span>{' '}
          <span className="prev-next__name">{previous.name}</span>
        </button>
      ) : (
        <span className="prev-next__spacer" />
      )}
      {next ? (
        <button type="button" className="prev-next__button prev-next__button--next" onClick={next.go}>
          <span className="prev-next__direction">{t('card.next')}</span>{' '}
          <span className="prev-next__name">{next.name}</span>
        </button>
      ) : (
        <span className="prev-next__spacer" />
      )}
    </nav>
  );
}
