import { describe, expect, it } from 'vitest';
import { FACTOR_IDS, type FactorId } from '../../../src/shared/factors';
import { DECLINED, type Questionnaire } from '../../../src/shared/questionnaire/types';
import {
  DECLINED_LABEL,
  analyseRound,
  backgroundBreakdowns,
  nationalAverages,
} from '../../../src/server/reports/analyse';
import type {
  BackgroundGroupCounts,
  GroupCounts,
  RoundData,
  UnitNode,
} from '../../../src/server/reports/model';

// A small questionnaire: autonomi = a1, a2; rolleklarhet = r1; the other eight factors have none.
const text = (s: string) => ({ nb: s, nn: s, en: s });
const QUESTIONNAIRE: Questionnaire = {
  version: 'test-1',
  statements: [
    { id: 'a1', factor: 'autonomi', order: 1, text: text('a1') },
    { id: 'r1', factor: 'rolleklarhet', order: 2, text: text('r1') },
    { id: 'a2', factor: 'autonomi', order: 3, text: text('a2') },
  ],
  background: [
    {
      id: 'gender',
      label: text('Gender'),
      options: [
        { value: 'woman', label: text('Woman') },
        { value: 'man', label: text('Man') },
      ],
    },
    {
      id: 'ageGroup',
      label: text('Age'),
      options: [
        { value: 'young', label: text('Young') },
        { value: 'old', label: text('Old') },
      ],
    },
  ],
  openQuestion: { label: text('Open'), warning: text('No names'), maxLength: 2000 },
};

type Values = [number, number, number, number, number, number];

/** Value counts are [unanswered, 1, 2, 3, 4, 5]; each statement's counts add up to the responses. */
function counts(responses: number, statements: Record<string, Values>): GroupCounts {
  for (const values of Object.values(statements)) {
    expect(values.reduce((a, b) => a + b, 0)).toBe(responses);
  }
  return { responses, statements };
}

/** n responses, all of them answering `value` to every statement. */
function uniform(n: number, value: number): GroupCounts {
  const values: Values = [0, 0, 0, 0, 0, 0];
  values[value] = n;
  return counts(n, { a1: values, a2: values, r1: values });
}

const NONE = counts(0, {});

function unit(
  id: string,
  parentId: string | null,
  own: GroupCounts,
  unitType: string | null = null,
): UnitNode {
  return { id, parentId, name: id, unitType, own };
}

function round(units: UnitNode[], extra: Partial<RoundData> = {}): RoundData {
  return {
    roundId: 'r',
    municipalityId: 'm',
    rootUnitId: units[0]?.id ?? '',
    threshold: 5,
    questionnaire: QUESTIONNAIRE,
    units,
    background: [],
    frameIsMunicipality: true,
    backgroundProfiles: [],
    ...extra,
  };
}

// Unit A (5 responses):
//   a1 [0,0,1,2,2,0]: 2 + 2·3 + 2·4 = 16 / 5 = 3.2; shares 0, .2, .4, .4, 0
//   a2 [0,0,0,0,3,2]: 3·4 + 2·5 = 22 / 5 = 4.4;    shares 0, 0, 0, .6, .4
//   r1 [0,1,1,1,1,1]: 15 / 5 = 3.0;                 shares .2 each
const A_VALUES = { a1: [0, 0, 1, 2, 2, 0], a2: [0, 0, 0, 0, 3, 2], r1: [0, 1, 1, 1, 1, 1] } satisfies Record<
  string,
  Values
>;
const A = counts(5, A_VALUES);
// Unit B (6 responses, one left a1 unanswered):
//   a1 [1,0,0,0,0,5]: 25 / 5 = 5.0;   shares 0, 0, 0, 0, 1
//   a2 [0,0,0,3,3,0]: 21 / 6 = 3.5;   shares 0, 0, .5, .5, 0
//   r1 [0,0,0,0,6,0]: 24 / 6 = 4.0;   shares 0, 0, 0, 1, 0
const B = counts(6, { a1: [1, 0, 0, 0, 0, 5], a2: [0, 0, 0, 3, 3, 0], r1: [0, 0, 0, 0, 6, 0] });

const BASIC = round([
  unit('root', null, NONE, 'kommune'),
  unit('A', 'root', A, 'skole'),
  unit('B', 'root', B, 'skole'),
]);

describe('analyseRound', () => {
  it('computes every unit figure from subtree totals, checked against hand-computed figures', () => {
    const analysis = analyseRound(BASIC);
    expect(analysis.unitSuppression).toEqual(new Map());
    expect(analysis.depth).toEqual(
      new Map([
        ['root', 0],
        ['A', 1],
        ['B', 1],
      ]),
    );
    expect(analysis.children.get('root')).toEqual(['A', 'B']);
    expect(analysis.totals.get('root')?.responses).toBe(11);
    expect(analysis.totals.get('root')?.statements.a1).toEqual([1, 0, 1, 2, 2, 5]);

    // A: autonomi (3.2 + 4.4) / 2 = 3.8, 10 answers; distribution the mean of the shares above.
    expect(analysis.figures.get('A')).toEqual({
      autonomi: { average: 3.8, answers: 10, distribution: [0, 0.1, 0.2, 0.5, 0.2] },
      rolleklarhet: { average: 3, answers: 5, distribution: [0.2, 0.2, 0.2, 0.2, 0.2] },
    });
    // B: autonomi (5 + 3.5) / 2 = 4.25 → 4.3 at the one decimal shown, 11 answers.
    expect(analysis.figures.get('B')).toEqual({
      autonomi: { average: 4.3, answers: 11, distribution: [0, 0, 0.25, 0.25, 0.5] },
      rolleklarhet: { average: 4, answers: 6, distribution: [0, 0, 0, 1, 0] },
    });
    // Municipality: a1 [1,0,1,2,2,5] → 41 / 10 = 4.1, shares 0, .1, .2, .2, .5;
    //   a2 [0,0,0,3,6,2] → 43 / 11 = 3.9090…, shares 0, 0, 3/11, 6/11, 2/11;
    //   autonomi (4.1 + 3.9090…) / 2 = 4.00454… → 4; distribution
    //   (0, .05, (.2 + .2727…) / 2 = .23636…, (.2 + .5454…) / 2 = .37272…, (.5 + .1818…) / 2 = .34090…)
    //   r1 [0,1,1,1,7,1] → 39 / 11 = 3.5454… → 3.5; shares 1/11, 1/11, 1/11, 7/11, 1/11.
    expect(analysis.figures.get('root')).toEqual({
      autonomi: { average: 4, answers: 21, distribution: [0, 0.05, 0.236, 0.373, 0.341] },
      rolleklarhet: { average: 3.5, answers: 11, distribution: [0.091, 0.091, 0.091, 0.636, 0.091] },
    });
  });

  it('gives a unit below the threshold no figures, and hides its sibling so the parent cannot give it away', () => {
    const few = counts(3, { a1: [0, 0, 0, 3, 0, 0], a2: [0, 0, 0, 3, 0, 0], r1: [0, 0, 0, 0, 3, 0] });
    const analysis = analyseRound(
      round([unit('root', null, NONE), unit('A', 'root', A), unit('C', 'root', few)]),
    );
    expect(analysis.unitSuppression).toEqual(
      new Map([
        ['A', 'protects-other'],
        ['C', 'too-few'],
      ]),
    );
    expect(analysis.figures.get('A')).toEqual({});
    expect(analysis.figures.get('C')).toEqual({});
    // The municipality (A + C, 8 responses) keeps its figures: a1 (16 + 3·3) / 8 = 3.125,
    // a2 (22 + 3·3) / 8 = 3.875, autonomi 3.5 over 16 answers; r1 (15 + 3·4) / 8 = 3.375 → 3.38.
    expect(analysis.figures.get('root')?.autonomi).toMatchObject({ average: 3.5, answers: 16 });
    expect(analysis.figures.get('root')?.rolleklarhet?.average).toBe(3.4);
  });

  it('hides a factor where a statement has 1 to threshold−1 answers, and the sibling factor figure that would reveal it', () => {
    // A2: 6 responses, r1 answered by only 2 (4 left it): rolleklarhet is hidden for A2. root − B
    // would give those 2 answers away, so B's rolleklarhet goes too; autonomi stays everywhere.
    const a2 = counts(6, { a1: [0, 0, 0, 6, 0, 0], a2: [0, 0, 0, 6, 0, 0], r1: [4, 0, 1, 0, 1, 0] });
    const analysis = analyseRound(
      round([unit('root', null, NONE), unit('A2', 'root', a2, 'skole'), unit('B', 'root', B, 'skole')]),
    );
    expect(analysis.unitSuppression).toEqual(new Map());
    expect(Object.keys(analysis.figures.get('A2') ?? {})).toEqual(['autonomi']);
    expect(Object.keys(analysis.figures.get('B') ?? {})).toEqual(['autonomi']);
    // The municipality shows rolleklarhet over all 8 answers: (2 + 4 + 6·4) / 8 = 3.75 → 3.8.
    expect(analysis.figures.get('root')?.rolleklarhet).toMatchObject({ average: 3.8, answers: 8 });
    // And the national pool takes rolleklarhet from no school at all.
    const national = nationalAverages([analysis], 'skole');
    expect(national.averages[FACTOR_IDS.indexOf('rolleklarhet')]).toBeNull();
    // autonomi: A2 a1 and a2 6 × 3; B as above. a1 (18 + 25) / 11, a2 (18 + 21) / 12 → (3.909 + 3.25) / 2
    expect(national.averages[FACTOR_IDS.indexOf('autonomi')]).toBe(3.6);
  });

  it('never takes the threshold below 3, whatever the round says', () => {
    const pair = uniform(2, 4);
    const analysis = analyseRound(round([unit('root', null, pair)], { threshold: 1 }));
    expect(analysis.unitSuppression.get('root')).toBe('too-few');
  });
});

describe('backgroundBreakdowns', () => {
  // gender: woman = the answers of A (5), man = those of B (6), nobody declined.
  // ageGroup: old = 3 of A's answers, young = the other 2 of A and all of B (8): old is too few,
  // and the municipality (11) minus young (8) would give old away, so young is hidden too.
  const old = counts(3, { a1: [0, 0, 1, 1, 1, 0], a2: [0, 0, 0, 0, 2, 1], r1: [0, 1, 1, 1, 0, 0] });
  const young = counts(8, { a1: [1, 0, 0, 1, 1, 5], a2: [0, 0, 0, 3, 4, 1], r1: [0, 0, 0, 0, 7, 1] });
  const background: BackgroundGroupCounts[] = [
    { questionId: 'gender', value: 'woman', counts: A },
    { questionId: 'gender', value: 'man', counts: B },
    { questionId: 'ageGroup', value: 'old', counts: old },
    { questionId: 'ageGroup', value: 'young', counts: young },
  ];
  // Where they are: A holds the 5 women (3 old, 2 young), B the 6 men (all young).
  const backgroundProfiles = [
    { unitId: 'A', answers: { gender: 'woman', ageGroup: 'old' }, responses: 3 },
    { unitId: 'A', answers: { gender: 'woman', ageGroup: 'young' }, responses: 2 },
    { unitId: 'B', answers: { gender: 'man', ageGroup: 'young' }, responses: 6 },
  ];
  const withBackground = analyseRound({ ...BASIC, background, backgroundProfiles });
  const averages = (entries: Partial<Record<FactorId, number>>) => FACTOR_IDS.map((f) => entries[f] ?? null);

  it('breaks the municipality down by every question: options in order, then "declined"', () => {
    const [gender] = backgroundBreakdowns(withBackground) ?? [];
    expect(gender).toEqual({
      questionId: 'gender',
      label: text('Gender'),
      groups: [
        {
          value: 'woman',
          label: text('Woman'),
          visible: true,
          responses: 5,
          averages: averages({ autonomi: 3.8, rolleklarhet: 3 }),
        },
        {
          value: 'man',
          label: text('Man'),
          visible: true,
          responses: 6,
          averages: averages({ autonomi: 4.3, rolleklarhet: 4 }),
        },
        { value: DECLINED, label: DECLINED_LABEL, visible: false, responses: null, averages: averages({}) },
      ],
    });
  });

  it('hides a group below the threshold and the group that would reveal it (the complement)', () => {
    const [, age] = backgroundBreakdowns(withBackground) ?? [];
    expect(age?.groups.map((g) => [g.value, g.visible, g.responses])).toEqual([
      ['young', false, null],
      ['old', false, null],
      [DECLINED, false, null],
    ]);
    expect(age?.groups.every((g) => g.averages.every((a) => a === null))).toBe(true);
  });

  it('hides a factor average of a group where a statement has too few answers, and its complement', () => {
    // Gender again, but only 3 of the 5 women answered r1: rolleklarhet is hidden for the women,
    // and for the men too, since the municipality minus the men would give the 3 answers away.
    const woman = counts(5, { ...A_VALUES, r1: [2, 1, 1, 1, 0, 0] });
    const rolleklarhet = FACTOR_IDS.indexOf('rolleklarhet');
    const data = round([unit('root', null, NONE), unit('A', 'root', woman), unit('B', 'root', B)], {
      background: [
        { questionId: 'gender', value: 'woman', counts: woman },
        { questionId: 'gender', value: 'man', counts: B },
      ],
      backgroundProfiles: [
        { unitId: 'A', answers: { gender: 'woman' }, responses: 5 },
        { unitId: 'B', answers: { gender: 'man' }, responses: 6 },
      ],
    });
    const [gender] = backgroundBreakdowns(analyseRound(data)) ?? [];
    expect(gender?.groups.map((g) => [g.visible, g.averages[rolleklarhet]])).toEqual([
      [true, null],
      [true, null],
      [false, null],
    ]);
    expect(gender?.groups[1]?.averages[FACTOR_IDS.indexOf('autonomi')]).toBe(4.3);
  });

  it('is null when the round asked no background questions or the municipality is suppressed', () => {
    expect(backgroundBreakdowns(analyseRound(BASIC))).toBeNull();
    const tiny = round([unit('root', null, uniform(4, 3))], {
      background: [{ questionId: 'gender', value: 'woman', counts: uniform(4, 3) }],
    });
    expect(backgroundBreakdowns(analyseRound(tiny))).toBeNull();
  });
});

describe('nationalAverages', () => {
  // Municipality 1: P1 (barnehage, 5 × "1") holds Q1 (barnehage, 6 × "4"); Z1 (barnehage, 3 × "1")
  // is too few, so P1 is hidden to protect it (K1 − P1 would be Z1) and Q1 stands for the type.
  const m1 = analyseRound(
    round(
      [
        unit('K1', null, NONE, 'kommune'),
        unit('P1', 'K1', uniform(5, 1), 'barnehage'),
        unit('Q1', 'P1', uniform(6, 4), 'barnehage'),
        unit('Z1', 'K1', uniform(3, 1), 'barnehage'),
      ],
      { municipalityId: 'm1', roundId: 'r1' },
    ),
  );
  // Municipality 2: P2 (barnehage, 5 × "2") holds Q2 (barnehage, 6 × "5"); both visible.
  const m2 = analyseRound(
    round(
      [
        unit('K2', null, NONE, 'kommune'),
        unit('P2', 'K2', uniform(5, 2), 'barnehage'),
        unit('Q2', 'P2', uniform(6, 5), 'barnehage'),
      ],
      { municipalityId: 'm2', roundId: 'r2' },
    ),
  );
  // Municipality 3: 4 answers in all, nothing may be shown.
  const m3 = analyseRound(
    round([unit('K3', null, NONE, 'kommune'), unit('P3', 'K3', uniform(4, 5), 'barnehage')], {
      municipalityId: 'm3',
      roundId: 'r3',
    }),
  );
  const autonomi = FACTOR_IDS.indexOf('autonomi');
  const rolleklarhet = FACTOR_IDS.indexOf('rolleklarhet');

  it('pools the topmost visible units of the type: suppressed units out, nested units counted once', () => {
    expect(m1.unitSuppression.get('P1')).toBe('protects-other');
    // Q1 (6 × 4) + P2 with Q2 inside (5 × 2 + 6 × 5): per statement (24 + 10 + 30) / 17 = 3.7647…
    // (With P1: 69 / 22 = 3.14; with Q2 twice: 94 / 23 = 4.09; with Z1: 67 / 20 = 3.35.)
    const national = nationalAverages([m1, m2, m3], 'barnehage');
    expect(national.averages[autonomi]).toBe(3.8);
    expect(national.averages[rolleklarhet]).toBe(3.8);
    expect(national.averages.filter((a) => a !== null)).toHaveLength(2);
    expect(national.municipalities).toBe(2);
  });

  it('pools whole municipalities for no unit type, skipping a suppressed one', () => {
    // K1: 3 × 1 + 5 × 1 + 6 × 4 = 32 over 14; K2: 10 + 30 = 40 over 11; (32 + 40) / 25 = 2.88.
    const national = nationalAverages([m1, m2, m3], null);
    expect(national.averages[autonomi]).toBe(2.9);
    expect(national.municipalities).toBe(2);
  });

  it('has no figure and no municipality when no unit of the type is shown', () => {
    expect(nationalAverages([m1, m2, m3], 'sektor')).toEqual({
      averages: FACTOR_IDS.map(() => null),
      municipalities: 0,
    });
    expect(nationalAverages([m3], 'barnehage').municipalities).toBe(0);
  });
});
