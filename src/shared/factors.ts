// Owns the ten factors: their stable ids (also the URL slugs), their level and their place in
// KS's driver model, and the influences between them stated in the domain brief.
export const FACTOR_IDS = [
  'indre-motivasjon',
  'mestringstro',
  'autonomi',
  'bruk-av-kompetanse',
  'mestringsorientert-ledelse',
  'rolleklarhet',
  'relevant-kompetanseutvikling',
  'fleksibilitetsvilje',
  'mestringsklima',
  'prososial-motivasjon',
] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

export function isFactorId(value: unknown): value is FactorId {
  return typeof value === 'string' && (FACTOR_IDS as readonly string[]).includes(value);
}

export type FactorLevel = 'individual' | 'group' | 'leader';
export type DriverStage = 'driver' | 'mediator' | 'outcome';

export const FACTOR_LEVEL = {
  'indre-motivasjon': 'individual',
  mestringstro: 'individual',
  autonomi: 'individual',
  'bruk-av-kompetanse': 'individual',
  'mestringsorientert-ledelse': 'leader',
  rolleklarhet: 'individual',
  'relevant-kompetanseutvikling': 'individual',
  fleksibilitetsvilje: 'individual',
  mestringsklima: 'group',
  'prososial-motivasjon': 'individual',
} as const satisfies Record<FactorId, FactorLevel>;

export const FACTOR_STAGE = {
  'mestringsorientert-ledelse': 'driver',
  mestringsklima: 'driver',
  autonomi: 'driver',
  rolleklarhet: 'driver',
  'indre-motivasjon': 'mediator',
  mestringstro: 'mediator',
  'prososial-motivasjon': 'mediator',
  'relevant-kompetanseutvikling': 'mediator',
  fleksibilitetsvilje: 'outcome',
  'bruk-av-kompetanse': 'outcome',
} as const satisfies Record<FactorId, DriverStage>;

/** [from, to]: "from" matters for (or is a precondition of) "to". */
export const FACTOR_INFLUENCES: readonly (readonly [FactorId, FactorId])[] = [
  ['autonomi', 'indre-motivasjon'],
  ['mestringsklima', 'indre-motivasjon'],
  ['mestringsorientert-ledelse', 'indre-motivasjon'],
  ['mestringstro', 'indre-motivasjon'],
  ['mestringstro', 'bruk-av-kompetanse'],
  ['autonomi', 'mestringstro'],
  ['mestringsklima', 'mestringstro'],
  ['mestringsorientert-ledelse', 'mestringstro'],
  ['relevant-kompetanseutvikling', 'mestringstro'],
  ['autonomi', 'bruk-av-kompetanse'],
  ['rolleklarhet', 'autonomi'],
  ['mestringsorientert-ledelse', 'autonomi'],
  ['indre-motivasjon', 'bruk-av-kompetanse'],
  ['mestringsorientert-ledelse', 'bruk-av-kompetanse'],
  ['mestringsklima', 'bruk-av-kompetanse'],
  ['mestringsorientert-ledelse', 'mestringsklima'],
  ['rolleklarhet', 'bruk-av-kompetanse'],
  ['rolleklarhet', 'fleksibilitetsvilje'],
  ['relevant-kompetanseutvikling', 'indre-motivasjon'],
  ['fleksibilitetsvilje', 'bruk-av-kompetanse'],
  ['prososial-motivasjon', 'fleksibilitetsvilje'],
  ['autonomi', 'fleksibilitetsvilje'],
  ['prososial-motivasjon', 'mestringsklima'],
];
