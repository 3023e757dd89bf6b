// Owns the list of languages the product speaks. Adding one (e.g. Northern Sámi) is a data change:
// add its code here and its files under locales/<code>/ and the questionnaire texts. The wire
// schemas (src/shared/api/primitives.ts) are built from these lists.
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

/** The two written standards a municipality can choose as its administrative language. */
export const MUNICIPALITY_LANGUAGES = ['nb', 'nn'] as const satisfies readonly Language[];
export type MunicipalityLanguage = (typeof MUNICIPALITY_LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Text in every language the product speaks. */
export type LocalizedText = Record<Language, string>;
