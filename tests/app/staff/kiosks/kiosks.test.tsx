// Shared tablets: an enrolment QR for a unit and round, and the list of kiosks with last sync and
// answers waiting (counts only), with revoke.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskListItem } from '../../../../src/shared/api/organisation';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';

const kiosk = (id: string, label: string, overrides: Partial<KioskListItem> = {}): KioskListItem => ({
  id,
  label,
  unit: { id: 'avd2', name: 'Avdeling 2' },
  round: { id: 'r1', name: 'Medarbeiderundersøkelsen 2026' },
  enrolledAt: '2026-11-20T08:00:00.000Z',
  lastSyncAt: '2026-11-28T12:05:00.000Z',
  pendingReported: 3,
  revokedOn: null,
  ...overrides,
});

describe('kiosks', () => {
  beforeEach(resetOfflineDb);

  it('makes an enrolment QR code for a unit and round, with the link as text only', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/nettbrett' });
    await h1('Nettbrett');
    await screen.findByRole('option', { name: 'Medarbeiderundersøkelsen 2026 (Åpen)' });
    await user.selectOptions(screen.getByLabelText('Runde'), 'r1');
    await user.selectOptions(screen.getByLabelText('Enhet'), 'avd2');
    await user.type(screen.getByLabelText('Navn på nettbrettet (valgfritt)'), 'Vaktrommet');
    await user.click(screen.getByRole('button', { name: 'Lag QR-kode' }));

    const qr = await screen.findByRole('img', { name: 'QR-kode for å melde inn et nettbrett i Avdeling 2' });
    expect(qr.querySelector('svg')).toBeInTheDocument();
    expect(server.calls('POST', '/rounds/r1/units/avd2/kiosk-enrolments')[0]!.body).toEqual({
      label: 'Vaktrommet',
    });
    expect(screen.getByText(`${window.location.origin}/kiosk/enrol-abc`).tagName).toBe('CODE');
    expect(screen.queryByRole('link', { name: /kiosk\/enrol-abc/ })).not.toBeInTheDocument();
    expect(screen.getByText('Gyldig til 29. november 2026 kl. 13.00.')).toBeInTheDocument();
  });

  it('lists kiosks with unit, last sync, answers waiting and revokes one', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/nettbrett',
      state: {
        kiosks: [
          kiosk('k1', 'Vaktrommet'),
          kiosk('k2', 'Stua', { revokedOn: '2026-11-25', lastSyncAt: null }),
        ],
      },
    });
    const table = await screen.findByRole('table', { name: 'Innmeldte nettbrett' });
    const cells = (name: string) =>
      [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map(
        (c) => c.textContent,
      );
    expect(cells('Vaktrommet').slice(0, 5)).toEqual([
      'Avdeling 2',
      'Medarbeiderundersøkelsen 2026',
      '28. november 2026 kl. 13.05',
      '3',
      'I bruk',
    ]);
    expect(cells('Stua').slice(2, 5)).toEqual(['Aldri', '3', 'Trukket tilbake 25. november 2026']);

    await user.click(within(table).getByRole('button', { name: 'Trekk tilbake Vaktrommet' }));
    await user.click(within(table).getByRole('button', { name: 'Trekk tilbake' }));
    expect(server.calls('POST', '/kiosks/k1/revoke')).toHaveLength(1);
    await waitFor(() => expect(within(table).getAllByText(/^Trukket tilbake/)).toHaveLength(2));
  });
});
