// The contributions of a phase on the shared screen: until the leader reveals them, only how
// many there are (the texts are not even passed in); after, every text without author, in an
// order seeded by the reveal so all screens agree and it has nothing to do with writing order.
import './meeting.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shuffled, seedFrom } from './shuffle';

interface Props {
  count: number;
  /** null until revealed. */
  revealed: readonly { id: string; text: string }[] | null;
  revealId?: string;
  onReveal?: () => void;
}

export function RevealBoard({ count, revealed, revealId = '', onReveal }: Props) {
  const { t } = useTranslation('meeting');
  const ordered = useMemo(
    () => (revealed ? shuffled(revealed, seedFrom(revealId || revealed.map((r) => r.id).join())) : null),
    [revealed, revealId],
  );
  if (!ordered) {
    return (
      <section className="meeting-reveal" aria-labelledby="meeting-count">
        <p id="meeting-count" className="meeting-reveal__count" aria-live="polite">
          {t('reveal.count', { count })}
        </p>
        <p>{t('reveal.hidden')}</p>
        {onReveal && (
          <button type="button" onClick={onReveal} disabled={count === 0}>
            {t('reveal.show')}
          </button>
        )}
      </section>
    );
  }
  return (
    <section className="meeting-reveal" aria-labelledby="meeting-reveal-heading">
      <h2 id="meeting-reveal-heading">{t('reveal.heading')}</h2>
      {ordered.length === 0 ? (
        <p>{t('reveal.none')}</p>
      ) : (
        <ul className="meeting-reveal__list">
          {ordered.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
