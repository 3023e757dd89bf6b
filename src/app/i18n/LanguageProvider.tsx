// Owns which language the app shows, for the respondent's side and the staff app alike. In order
// of strength: the person's own pick (the switcher; remembered on the device across reloads),
// then a held language (a begun or restored survey, a report's municipality), then the round's
// default. Only the pick is stored, never a default.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import type { Language } from '../../shared/languages';
import { normaliseLanguage } from './i18n';
import {
  forgetLanguageChoice,
  loadLanguageChoice,
  saveLanguageChoice,
  type LanguageStorage,
} from './language-choice';
import { LanguageContext, type LanguageContextValue } from './language-context';

interface Props {
  children: ReactNode;
  /** The instance itself: useTranslation() hands out a new wrapper on each language change. */
  i18n: I18n;
  /** Where the pick is remembered (main.tsx: the device's localStorage); none: not remembered. */
  storage?: LanguageStorage | undefined;
}

export function LanguageProvider({ children, i18n, storage }: Props) {
  const [remembered] = useState(() => loadLanguageChoice(storage));
  // Set while a pick or a held language stands: the round's default must not override it.
  const isHeld = useRef(remembered !== undefined);
  const [language, setLanguage] = useState(() => remembered ?? normaliseLanguage(i18n.language));

  useEffect(() => {
    const follow = (lng: string) => setLanguage(normaliseLanguage(lng));
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n]);

  useEffect(() => {
    if (remembered && normaliseLanguage(i18n.language) !== remembered) void i18n.changeLanguage(remembered);
  }, [i18n, remembered]);

  const choose = useCallback(
    async (lng: Language) => {
      isHeld.current = true;
      saveLanguageChoice(storage, lng);
      await i18n.changeLanguage(lng);
    },
    [i18n, storage],
  );

  const applyRoundDefault = useCallback(
    (lng: Language) => {
      if (!isHeld.current) void i18n.changeLanguage(lng);
    },
    [i18n],
  );

  const preferLanguage = useCallback(
    (lng: Language) => {
      if (isHeld.current) return;
      isHeld.current = true;
      void i18n.changeLanguage(lng);
    },
    [i18n],
  );

  const hold = useCallback(
    (lng: Language) => {
      isHeld.current = true;
      if (normaliseLanguage(i18n.language) !== lng) void i18n.changeLanguage(lng);
    },
    [i18n],
  );

  const forget = useCallback(() => {
    isHeld.current = false;
    forgetLanguageChoice(storage);
  }, [storage]);

  const value = useMemo<LanguageContextValue>(
    () => ({ language, choose, applyRoundDefault, preferLanguage, hold, forget }),
    [language, choose, applyRoundDefault, preferLanguage, hold, forget],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}
