// A published round on the rounds screen says when it was published and when retention deletes its
// individual answers (the municipality's months after publishing, by the job's own day rule), or
// that it did; the counts stay. A round not published says nothing of it. In nb and nn.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { roundFixture, type StaffState } from '../support/staff-server';

const SETTINGS: StaffState['settings'] = {
  sessionIdleHours: 8,
  answerRetentionMonths: 1,
  auditRetentionMonths: 24,
  accessibilityStatementUrl: null,
  controllerContact: null,
  dataProtectionOfficerContact: null,
};

const ROUNDS = [
  // Published on 31 January, kept one month: the job deletes on 1 March, not 28 February.
  roundFixture({ id: 'r1', name: 'Vinteren 2026', status: 'published', publishedOn: '2026-01-31' }),
  roundFixture({
    id: 'r2',
    name: 'Våren 2024',
    status: 'published',
    publishedOn: '2024-05-02',
    answersDeletedOn: '2026-05-02',
  }),
  roundFixture({ id: 'r3', name: 'Høsten 2026', status: 'open' }),
];

const card = (name: string) => screen.getByRole('article', { name });

describe('how long a round keeps its answers', () => {
  beforeEach(resetOfflineDb);

  it('says when the answers go or went, and that the figures stay', async () => {
    await renderAdmin({ path: '/admin/runder', state: { rounds: ROUNDS, settings: SETTINGS } });
    await h1('Runder');
    const winter = await screen.findByRole('article', { name: 'Vinteren 2026' });
    expect(
      await within(winter).findByText('Publisert 31. januar 2026. De enkelte svarene slettes 1. mars 2026.'),
    ).toBeInTheDocument();
    expect(winter.textContent).toContain('Tallene i rapportene og utviklingen over tid blir stående.');
    expect(
      within(card('Våren 2024')).getByText(
        'Publisert 2. mai 2024. De enkelte svarene ble slettet 2. mai 2026.',
      ),
    ).toBeInTheDocument();
    expect(card('Høsten 2026').textContent).not.toContain('Enkeltsvar');
  });

  it('speaks nynorsk', async () => {
    await renderAdmin({
      path: '/admin/runder',
      language: 'nn',
      state: { rounds: ROUNDS, settings: SETTINGS },
    });
    expect(
      await within(await screen.findByRole('article', { name: 'Vinteren 2026' })).findByText(
        'Publisert 31. januar 2026. Dei einskilde svara blir sletta 1. mars 2026.',
      ),
    ).toBeInTheDocument();
  });
});
