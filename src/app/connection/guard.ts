// Small type guards for JSON replies, built like the TypeBox schemas they stand in for: object()
// is Type.Object (extra keys allowed unless `exact`, which is additionalProperties: false),
// optional() is Type.Optional, and so on. They exist so the respondent's first load carries no
// TypeBox (about 15 kB gzip): reply-guards.ts writes each reply of src/shared/api with them, and a
// test holds every guard to Value.Check of its schema on valid and malformed replies.

/** True when the value has the shape T. */
export type Guard<T> = (value: unknown) => value is T;

/** A key that may be absent (or undefined); object() reads the mark. */
export interface OptionalGuard<T> extends Guard<T | undefined> {
  readonly optional: true;
}

type Guarded<G> = G extends (value: unknown) => value is infer T ? T : never;
type Shape = Record<string, Guard<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalGuard<unknown> ? K : never;
}[keyof S];
type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Guarded<S[K]> } & {
  [K in OptionalKeys<S>]?: Exclude<Guarded<S[K]>, undefined>;
};

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

/** Type.String({ minLength, maxLength, pattern }): lengths in UTF-16 units, like TypeBox. */
export function string(limits: { minLength?: number; maxLength?: number; pattern?: RegExp }): Guard<string> {
  const { minLength = 0, maxLength = Infinity, pattern } = limits;
  return (value): value is string =>
    typeof value === 'string' &&
    value.length >= minLength &&
    value.length <= maxLength &&
    (pattern === undefined || pattern.test(value));
}

/** Type.Integer({ minimum }). */
export function integer(minimum = -Infinity): Guard<number> {
  return (value): value is number => Number.isInteger(value) && (value as number) >= minimum;
}

/** A union of literals (Type.Literal, or literalUnion of a constant list). */
export function oneOf<const T extends readonly (string | number | boolean)[]>(values: T): Guard<T[number]> {
  return (value): value is T[number] => values.includes(value as T[number]);
}

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

export function optional<T>(guard: Guard<T>): OptionalGuard<T> {
  const check = (value: unknown): value is T | undefined => value === undefined || guard(value);
  return Object.assign(check, { optional: true as const });
}

export function arrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((item) => guard(item));
}

/** Any of the guards (Type.Union). */
export function union<const G extends readonly Guard<unknown>[]>(...guards: G): Guard<Guarded<G[number]>> {
  return (value): value is Guarded<G[number]> => guards.some((guard) => guard(value));
}

/** A plain object (never an array or null) whose keys match; `exact`: no other keys. */
export function object<S extends Shape>(shape: S, options: { exact?: boolean } = {}): Guard<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return (value): value is ObjectOf<S> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    if (options.exact && Object.keys(record).some((key) => !Object.hasOwn(shape, key))) return false;
    return keys.every((key) => shape[key]!(record[key]));
  };
}
