import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/languages';
import { normaliseLanguage } from '../../i18n/i18n';

/** The language the screen is shown in, for number formats and the server's localized labels. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return normaliseLanguage(i18n.language);
}
