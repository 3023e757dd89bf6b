import { useTranslation } from 'react-i18next';
import type { NationalInfo } from '../../../shared/api/reports';
import { useLanguage } from '../../i18n/useLanguage';

/** "Snitt tjeneste Norge (Sykehjem)", or the all-services wording when no unit type is compared. */
export function useNationalLabel(national: NationalInfo): string {
  const { t } = useTranslation('reports');
  const { language: lng } = useLanguage();
  const type = national.unitTypeLabel?.[lng] ?? national.unitType;
  return type ? t('columns.national', { type }) : t('columns.nationalAll');
}
