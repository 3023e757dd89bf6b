// The language preference both apps share (see LanguageProvider.tsx for the rules).
import { createContext } from 'react';
import type { Language } from '../../shared/languages';

export interface LanguageContextValue {
  /** The language shown now. */
  language: Language;
  /** The person picked it (the switcher): shown, remembered on the device, kept over every default. */
  choose: (language: Language) => Promise<void>;
  /** A round's default: shown unless the person picked a language or one is held. */
  applyRoundDefault: (language: Language) => void;
  /**
   * A default more specific than the round's, such as the language of the municipality whose
   * report is open: shown unless the person picked a language, and then held over the round's.
   */
  preferLanguage: (language: Language) => void;
  /** Holds a language for the person now (a begun or restored survey) without remembering it. */
  hold: (language: Language) => void;
  /** "Ferdig" on a shared tablet: the next person starts from the defaults again. */
  forget: () => void;
}

export const LanguageContext = createContext<LanguageContextValue | null>(null);
