// Owns the one thing the device remembers about language: the language a person picked with the
// switcher. It is a device preference, not personal data, and only an explicit pick is kept;
// a round's or a municipality's default never is. Storage may be missing or refuse (Safari's
// private mode, a full quota): the app then simply does not remember.
import { isLanguage, type Language } from '../../shared/languages';

export const LANGUAGE_CHOICE_KEY = 'tifaktor.language';

/** The part of the Web Storage API this needs, so tests and main.tsx can hand in their own. */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The device's localStorage, or undefined where the browser refuses it (reading it can throw). */
export function deviceLanguageStorage(): LanguageStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The remembered pick; anything else stored under the key (an old or edited value) is ignored. */
export function loadLanguageChoice(storage: LanguageStorage | undefined): Language | undefined {
  try {
    const stored = storage?.getItem(LANGUAGE_CHOICE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function saveLanguageChoice(storage: LanguageStorage | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_CHOICE_KEY, language);
  } catch {
    // Not remembered: the choice still holds until the app is reloaded.
  }
}

export function forgetLanguageChoice(storage: LanguageStorage | undefined): void {
  try {
    storage?.removeItem(LANGUAGE_CHOICE_KEY);
  } catch {
    // Nothing to forget where storage is refused.
  }
}
