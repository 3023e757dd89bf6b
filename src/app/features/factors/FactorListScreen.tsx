// /faktorer — the ten cards: a list on a phone, a grid on a tablet, filtered by level and by a
// search over every word on the cards in the language shown. Both live in the URL
// (?niva=group&sok=tillit), so a filtered list can be shared and survives a language switch.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FACTOR_IDS, FACTOR_LEVEL, FACTOR_STAGE, type FactorLevel } from '../../../shared/factors';
import { FactorsNav } from './FactorsNav';
import { FactorTile } from './FactorTile';
import { LEVELS, LevelFilter } from './LevelFilter';
import { matchesQuery, searchableText } from './search';
import { useFactorText } from './useFactorText';

export function FactorListScreen() {
  const { t, i18n } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const cardText = useFactorText();
  const [params, setParams] = useSearchParams();
  // The box owns what is typed (a URL update can land a frame later and move the caret); the
  // URL follows it.
  const [query, setQuery] = useState(() => params.get('sok') ?? '');
  const levelParam = params.get('niva');
  const level = LEVELS.find((l) => l === levelParam);

  const update = (key: 'sok' | 'niva', value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      // Typing must not fill the history with one entry per letter.
      { replace: true },
    );

  const shown = FACTOR_IDS.filter((id) => {
    if (level && FACTOR_LEVEL[id] !== level) return false;
    const extra = [tf(`level.${FACTOR_LEVEL[id]}`), tf(`stage.${FACTOR_STAGE[id]}`)];
    return matchesQuery(searchableText(cardText(id), extra), query, i18n.language);
  });

  return (
    <div className="screen factors-screen factors-screen--wide">
      <FactorsNav />
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <div className="factor-filters" role="search">
        <div className="factor-search">
          <label htmlFor="factor-search" className="field-label">
            {t('list.searchLabel')}
          </label>
          <input
            id="factor-search"
            type="search"
            value={query}
            aria-describedby="factor-search-hint"
            onChange={(event) => {
              setQuery(event.target.value);
              update('sok', event.target.value.trim());
            }}
          />
          <p id="factor-search-hint" className="hint">
            {t('list.searchHint')}
          </p>
        </div>
        <LevelFilter value={level} onChange={(l: FactorLevel | undefined) => update('niva', l)} />
      </div>
      <p className="factor-results" role="status">
        {t('list.results', { count: shown.length })}
      </p>
      {shown.length > 0 ? (
        <ul className="factor-grid">
          {shown.map((id) => (
            <FactorTile key={id} id={id} card={cardText(id)} />
          ))}
        </ul>
      ) : (
        <div className="factor-empty">
          <p>{t('list.noResults')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setQuery('');
              setParams({}, { replace: true });
            }}
          >
            {t('list.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
