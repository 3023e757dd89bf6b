// A report whose round's answer rows were deleted by retention (issue 15) says its open answers
// were deleted, instead of "nobody wrote anything" or the too-few reason, and lists none.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { renderAdmin } from '../support/render-admin';
import { meAs } from '../support/staff-server';
import { reportRoutes, unitReport } from '../support/report-fixtures';

describe('open answers deleted by retention', () => {
  beforeEach(resetOfflineDb);

  for (const [language, title, text] of [
    ['nb', 'Åpne svar', 'De enkelte svarene i denne runden er slettet fordi lagringstiden var ute'],
    ['nn', 'Opne svar', 'Dei einskilde svara i denne runden er sletta fordi lagringstida var ute'],
    [
      'en',
      'Open answers',
      'The individual answers of this round were deleted because their keeping time was up',
    ],
  ] as const) {
    it(`says so in ${language}`, async () => {
      const report = unitReport({ openAnswers: null, openAnswersHidden: 'deleted' });
      await renderAdmin({
        path: `/admin/rapporter/r1/${report.unit.id}`,
        language,
        state: { me: meAs([{ role: 'leader', unitId: 'solbakken' }]) },
        routes: reportRoutes({ reports: { [report.unit.id]: report } }),
      });
      const section = await screen.findByRole('region', { name: title });
      expect(section.textContent).toContain(text);
      expect(within(section).queryAllByRole('listitem')).toEqual([]);
      expect(section.textContent).not.toContain('Ingen skrev');
    });
  }
});
