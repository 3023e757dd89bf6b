// A municipality's entry address for respondents is /k/<slug>: lower-case a–z, 0–9 and single
// hyphens, 2..63 characters, starting and ending with a letter or digit. Made from the name when
// the operator gives none (æ ø å and accents folded to ASCII so "Bærum" becomes "baerum").
export const ENTRY_SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$';
const ENTRY_SLUG_RE = new RegExp(ENTRY_SLUG_PATTERN);

export function isEntrySlug(value: string): boolean {
  return value.length >= 2 && ENTRY_SLUG_RE.test(value) && !value.includes('--');
}

/** A slug from a municipality's name; 'kommune' when nothing usable is left. */
export function slugifyName(name: string): string {
  const folded = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return isEntrySlug(slug) ? slug : 'kommune';
}
