// The five-point answer scale. Labels live in locales/<lng>/survey.json under survey.scale.<value>.
export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
export type LikertValue = (typeof LIKERT_VALUES)[number];

export function isLikertValue(value: unknown): value is LikertValue {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
