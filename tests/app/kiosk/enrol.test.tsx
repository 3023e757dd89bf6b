// Enrolment stores the kiosk credential only from a reply of the contract: a reply without one
// must leave the tablet as it was and say the link did not work.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskEnrolResponse } from '../../../src/shared/api/organisation';
import { loadKiosk } from '../../../src/app/offline';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

const json = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200 });

const enrolment: KioskEnrolResponse = {
  credential: 'kiosk-credential',
  kiosk: {
    id: 'k1',
    label: 'Nettbrett 1',
    unit: roundFixture().round.unit,
    openKiosk: true,
    round: { ...roundFixture().round, status: 'open' },
    revokedOn: null,
  },
};

describe('enrolling a tablet as a kiosk', () => {
  beforeEach(resetOfflineDb);

  it('stores the credential and names the unit', async () => {
    await renderApp({ path: '/kiosk/token-1', replies: { '/kiosk/enrol': json(enrolment) } });

    expect(await screen.findByText(/^Nettbrettet er satt opp for Avdeling 2\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå til startsiden' })).toHaveAttribute('href', '/');
    expect((await loadKiosk())?.credential).toBe('kiosk-credential');
  });

  it('stores nothing and says it failed when the reply has no credential', async () => {
    const { kiosk } = enrolment;
    await renderApp({ path: '/kiosk/token-1', replies: { '/kiosk/enrol': json({ kiosk }) } });

    expect(await screen.findByRole('alert')).toHaveTextContent('Lenken virker ikke.');
    expect(screen.queryByRole('link', { name: 'Gå til startsiden' })).not.toBeInTheDocument();
    expect(await loadKiosk()).toBeUndefined();
  });
});
