// The factors a card points to or comes from, as links (on screen) or plain names (on paper).
import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';
import { FACTOR_PATHS } from '../../ui/factor-paths';

interface Props {
  label: string;
  ids: readonly FactorId[];
  isPlain?: boolean;
}

export function InfluenceLinks({ label, ids, isPlain = false }: Props) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const labelId = useId();
  return (
    <div className="influence-links">
      <p id={labelId} className="influence-links__label">
        {label}
      </p>
      {ids.length === 0 ? (
        <p>{t('card.noLinks')}</p>
      ) : (
        <ul aria-labelledby={labelId}>
          {ids.map((id) => (
            <li key={id}>
              {isPlain ? (
                tf(`factor.${id}.name`)
              ) : (
                <Link to={FACTOR_PATHS.card(id)}>{tf(`factor.${id}.name`)}</Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
