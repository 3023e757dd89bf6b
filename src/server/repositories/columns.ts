// Owns how a boolean is stored: the tables keep 0/1 integers (one CHECK on both dialects), and every
// repository decodes them here. SQLite hands back 0/1; PostgreSQL an integer, or a boolean should a
// column ever become one; a count may come back as a string, hence Number().

/** The stored flag as a boolean: true for 1, '1' or true, false for anything else. */
export function fromFlag(value: number | string | boolean | null | undefined): boolean {
  return value === true || Number(value) === 1;
}

/** The boolean as it is written (0/1); undefined stays undefined so a partial update skips it. */
export function toFlag(value: boolean): 0 | 1;
export function toFlag(value: boolean | undefined): 0 | 1 | undefined;
export function toFlag(value: boolean | undefined): 0 | 1 | undefined {
  return value === undefined ? undefined : value ? 1 : 0;
}
