// The factor cards' addresses, here in ui/ because the survey's closing screen links to them too
// (features never import each other). Norwegian, like the respondent's, and shareable: a card's
// URL is its factor id, so /faktorer/mestringsklima is the same link in every language.
import type { FactorId } from '../../shared/factors';

export const FACTOR_PATHS = {
  list: '/faktorer',
  map: '/faktorer/kart',
  deck: '/faktorer/les',
  print: '/faktorer/utskrift',
  card: (id: FactorId) => `/faktorer/${id}`,
} as const;
