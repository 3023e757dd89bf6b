// The words for the plan's states, kinds and statuses, and the unit's figure as a report prints it.
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';
import { formatDecimal } from '../../ui/format';
import { useLanguage } from '../../i18n/useLanguage';

export function useFactorName(): (id: FactorId) => string {
  const { t } = useTranslation('factors');
  return (id) => t(`factor.${id}.name`);
}

/** "4,3", or the reason there is no figure. */
export function useFigure(): (value: number | null) => string {
  const { t } = useTranslation('followup');
  const { language } = useLanguage();
  return (value) => (value === null ? t('focus.noFigure') : formatDecimal(value, language));
}

/** The card's "what a leader can do" and "what colleagues can do" texts: the measure suggestions. */
export function useSuggestions(id: FactorId): { leader: string[]; colleague: string[] } {
  const { t } = useTranslation('factors');
  const list = (key: 'leader' | 'colleague'): string[] => {
    const value = t(`factor.${id}.${key}`, { returnObjects: true }) as unknown;
    return value && typeof value === 'object' ? Object.values(value as Record<string, string>) : [];
  };
  return { leader: list('leader'), colleague: list('colleague') };
}
