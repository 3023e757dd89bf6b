// The card screens' own menu: list, map, deck and print are one tap apart. Hidden on paper.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_PATHS } from '../../ui/factor-paths';

const ITEMS = [
  { to: FACTOR_PATHS.list, key: 'nav.list' },
  { to: FACTOR_PATHS.map, key: 'nav.map' },
  { to: FACTOR_PATHS.deck, key: 'nav.deck' },
  { to: FACTOR_PATHS.print, key: 'nav.print' },
] as const;

export function FactorsNav() {
  const { t } = useTranslation('cards');
  return (
    <nav className="pill-nav factors-nav no-print" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.to}>
            {/* `end`: the list's link is not "current" on a card below it. */}
            <NavLink to={item.to} end>
              {t(item.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
