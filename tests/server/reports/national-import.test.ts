import { describe, expect, it } from 'vitest';
import { unitTypeNames } from '../../../src/server/reports/national-import';

describe('national figures import', () => {
  it('knows a unit type by its code and each label, in any case', () => {
    const names = unitTypeNames([
      { code: 'barnehage', label: { nb: 'Barnehage', nn: 'Barnehage', en: 'Kindergarten' } },
      { code: 'skole', label: { nb: 'Skole', nn: 'Skule', en: 'School' } },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      barnehage: 'barnehage',
      kindergarten: 'barnehage',
      skole: 'skole',
      skule: 'skole',
      school: 'skole',
    });
  });
});
