// The employees' poster: in the round's language whatever the screen speaks, with the round's
// window, threshold and results day, the ten factors, a QR code to the survey's start, and the
// background line only when the round asks background questions. A4 or A3 by the address.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { renderAdmin } from '../support/render-admin';
import { roundFixture } from '../support/staff-server';
import { planFor, servePlans } from './support';

describe('the information poster', () => {
  beforeEach(resetOfflineDb);

  it('is written in the round’s language with its own dates and threshold', async () => {
    const round = roundFixture({
      opensOn: '2026-03-02',
      closesOn: '2026-03-15',
      defaultLanguage: 'nn',
      threshold: 3,
      backgroundEnabled: true,
      name: 'Medarbeidarundersøkinga 2026',
    });
    await renderAdmin({
      path: '/admin/forberedelse/r1/plakat',
      routes: (s) => servePlans(s, [planFor(round)]),
    });
    const poster = await screen.findByRole('article', { name: 'Vi treng svaret ditt' });
    expect(poster).toHaveAttribute('lang', 'nn');
    expect(poster.textContent).toContain('Du kan svare frå 2. mars 2026 til og med 15. mars 2026.');
    expect(poster.textContent).toContain('Ei eining med færre enn 3 svar får ingen eigen rapport.');
    // Results five days after the close.
    expect(poster.textContent).toContain('Rundt 20. mars 2026 legg leiaren din fram resultata');
    expect(poster.textContent).toContain('berre vist for heile kommunen');
    expect(poster.querySelectorAll('.poster__factors li')).toHaveLength(10);
    expect(poster.textContent).toContain('Meistringstru');
    expect(screen.getByRole('img', { name: /^QR-kode til undersøkinga på / })).toBeInTheDocument();
    // The tools around it stay in the screen's language.
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeInTheDocument();
  });

  it('leaves the background line out when the round asks none, and switches to A3', async () => {
    const round = roundFixture({ backgroundEnabled: false });
    const { user } = await renderAdmin({
      path: '/admin/forberedelse/r1/plakat',
      routes: (s) => servePlans(s, [planFor(round)]),
    });
    const poster = await screen.findByRole('article', { name: 'Vi trenger svaret ditt' });
    expect(poster.textContent).not.toContain('Bakgrunn som kjønn');
    expect(poster.textContent).toContain('Ingen får se hva den enkelte har svart.');
    const screenBox = poster.closest('.poster-screen')!;
    expect(screenBox).toHaveClass('poster-screen--a4');
    await user.click(screen.getByRole('radio', { name: 'A3' }));
    expect(screenBox).toHaveClass('poster-screen--a3');
  });
});
