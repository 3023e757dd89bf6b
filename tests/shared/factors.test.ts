import { describe, expect, it } from 'vitest';
import { FACTOR_IDS, FACTOR_INFLUENCES, FACTOR_STAGE } from '../../src/shared/factors';

describe('factor model', () => {
  it('has ten distinct factors, each in exactly one driver-model stage', () => {
    expect(new Set(FACTOR_IDS).size).toBe(10);
    const stages = FACTOR_IDS.map((id) => FACTOR_STAGE[id]);
    expect(stages.filter((s) => s === 'driver')).toHaveLength(4);
    expect(stages.filter((s) => s === 'mediator')).toHaveLength(4);
    expect(stages.filter((s) => s === 'outcome')).toHaveLength(2);
  });

  it('lists each influence once and never a factor influencing itself', () => {
    const keys = FACTOR_INFLUENCES.map(([a, b]) => `${a}>${b}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(FACTOR_INFLUENCES.every(([a, b]) => a !== b)).toBe(true);
    expect(keys).toContain('mestringsorientert-ledelse>mestringsklima');
    expect(keys).toContain('prososial-motivasjon>fleksibilitetsvilje');
  });
});
