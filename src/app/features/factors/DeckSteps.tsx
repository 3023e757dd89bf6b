// The ten cards as numbered steps: where you are, which are read, and a jump to any of them.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS, type FactorId } from '../../../shared/factors';
import { deckPath } from './deck';

interface Props {
  current: number;
  read: ReadonlySet<FactorId>;
}

export function DeckSteps({ current, read }: Props) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  return (
    <nav className="deck-steps no-print" aria-label={t('deck.stepsLabel')}>
      <ol>
        {FACTOR_IDS.map((id, i) => {
          const isRead = read.has(id);
          const label = t(isRead ? 'deck.stepRead' : 'deck.stepLabel', {
            n: i + 1,
            name: tf(`factor.${id}.name`),
          });
          return (
            <li key={id}>
              <Link
                to={deckPath(i)}
                className={`deck-step${isRead ? ' deck-step--read' : ''}`}
                aria-label={label}
                aria-current={i === current ? 'step' : undefined}
                replace
              >
                {i + 1}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
