// The language switch shown on every screen. Switching keeps every answer: the draft only
// records the chosen language, the answers are keyed by statement id.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/languages';
import { normaliseLanguage } from '../i18n/i18n';

interface Props {
  onChange: (language: Language) => void | Promise<void>;
}

export function LanguageSwitcher({ onChange }: Props) {
  const { t, i18n } = useTranslation();
  const current = normaliseLanguage(i18n.language);
  return (
    <nav className="language-switcher" aria-label={t('language.label')}>
      <ul>
        {LANGUAGES.map((lng) => (
          <li key={lng}>
            <button
              type="button"
              lang={lng}
              aria-pressed={lng === current}
              onClick={() => void onChange(lng)}
            >
              {t(`language.${lng}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
