// The small schemas every contract is built from, written once. A language list, an id or a date
// format that changes here changes for the respondent, staff and report contracts alike.
import {
  Type,
  type TLiteral,
  type TOptional,
  type TSchema,
  type TString,
  type TUnion,
} from '@sinclair/typebox';
import { LANGUAGES, MUNICIPALITY_LANGUAGES, type Language } from '../languages';

/** An id as the server hands it out: a UUID or a municipality's own unit number, never empty. */
export const Id = Type.String({ minLength: 1, maxLength: 100 });

/** YYYY-MM-DD, an Oslo calendar date (never a time of day). */
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const IsoDate = Type.String({ pattern: ISO_DATE_PATTERN });

/** The value, or null. Absent fields use Type.Optional instead. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

type Literals<T extends readonly string[]> = T extends readonly [
  infer Head extends string,
  ...infer Rest extends readonly string[],
]
  ? [TLiteral<Head>, ...Literals<Rest>]
  : [];

/** One literal per entry of a constant list, so the schema follows the list when it grows. */
export function literalUnion<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((value) => Type.Literal(value))) as unknown as TUnion<Literals<T>>;
}

/** Every language the product speaks (src/shared/languages.ts). */
export const LanguageSchema = literalUnion(LANGUAGES);

/** A municipality's administrative language (målform): bokmål or nynorsk. */
export const MunicipalityLanguageSchema = literalUnion(MUNICIPALITY_LANGUAGES);

/** Text in every language the product speaks. */
export const LocalizedTextSchema = Type.Object<Record<Language, TString>>(
  Object.fromEntries(LANGUAGES.map((language) => [language, Type.String()])) as Record<Language, TString>,
);

/** A name (a round's, for instance): 1 to 200 characters with at least one that is not a space. */
export const NameSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

/** A name in some of the languages: a key per language, each optional, nothing else. */
export const LocalizedNamesSchema = Type.Object<Record<Language, TOptional<TString>>>(
  Object.fromEntries(LANGUAGES.map((language) => [language, Type.Optional(NameSchema)])) as Record<
    Language,
    TOptional<TString>
  >,
  { additionalProperties: false },
);
