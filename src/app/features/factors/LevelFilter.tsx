// Filter the list by level: all, individual, group or leader. Native radios: arrow keys and
// screen readers work without extra code.
import { useTranslation } from 'react-i18next';
import type { FactorLevel } from '../../../shared/factors';

export const LEVELS: readonly FactorLevel[] = ['individual', 'group', 'leader'];

interface Props {
  value: FactorLevel | undefined;
  onChange: (level: FactorLevel | undefined) => void;
}

export function LevelFilter({ value, onChange }: Props) {
  const { t } = useTranslation('cards');
  const { t: tf } = useTranslation('factors');
  const options = [
    { key: 'all', level: undefined, label: t('list.levelAll') },
    ...LEVELS.map((level) => ({ key: level, level, label: tf(`level.${level}`) })),
  ];
  return (
    <fieldset className="level-filter">
      <legend>{t('list.levelLegend')}</legend>
      <div className="level-filter__options">
        {options.map((option) => (
          <label key={option.key} className="level-filter__option">
            <input
              type="radio"
              name="level"
              value={option.key}
              checked={value === option.level}
              onChange={() => onChange(option.level)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
