// The retention settings on the municipality screen (issue 15): the admin sees each setting with
// what it means and saves it; a number out of range or an address that is not https is refused
// beside the field and nothing is sent; the privacy officer reaches the screen from the menu and
// reads the settings without a form (and without the municipality's name form, which is the admin's).
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { meAs } from '../support/staff-server';

const PRIVACY = meAs([{ role: 'privacy_officer', unitId: null }]);

describe('retention settings', () => {
  beforeEach(resetOfflineDb);

  it('lets the admin change them and explains each one', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/kommune' });
    await h1('Kommunen');
    const section = await screen.findByRole('region', { name: 'Lagring og sletting' });
    const answers = await within(section).findByLabelText('Lagre de enkelte svarene i (måneder)');
    expect((answers as HTMLInputElement).value).toBe('24');
    expect(section.textContent).toContain(
      'Tallene som rapportene, utviklingen over tid og snittet for landet bygger på, blir stående.',
    );
    await user.clear(answers);
    await user.type(answers, '36');
    await user.type(
      within(section).getByLabelText('Adressen til tilgjengelighetserklæringen'),
      'https://uustatus.no/nb/erklaringar/1',
    );
    await user.type(
      within(section).getByLabelText('Kontakt til personvernombudet'),
      '  personvernombud@demo.kommune.no ',
    );
    await user.click(within(section).getByRole('button', { name: 'Lagre innstillingene' }));
    expect(await within(section).findByText('Innstillingene er lagret.')).toBeInTheDocument();
    expect(server.calls('PUT', '/municipality/settings').map((c) => c.body)).toEqual([
      {
        answerRetentionMonths: 36,
        auditRetentionMonths: 24,
        sessionIdleHours: 8,
        accessibilityStatementUrl: 'https://uustatus.no/nb/erklaringar/1',
        // Trimmed; an empty one is sent as none.
        controllerContact: null,
        dataProtectionOfficerContact: 'personvernombud@demo.kommune.no',
      },
    ]);
  });

  it('refuses a number out of range and an address that is not https, beside the field', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/kommune' });
    const section = await screen.findByRole('region', { name: 'Lagring og sletting' });
    const audit = await within(section).findByLabelText('Lagre loggen i (måneder)');
    await user.clear(audit);
    await user.type(audit, '121');
    const url = within(section).getByLabelText('Adressen til tilgjengelighetserklæringen');
    await user.type(url, 'http://uustatus.no');
    await user.click(within(section).getByRole('button', { name: 'Lagre innstillingene' }));
    expect(within(section).getByText('Skriv et helt tall fra 1 til 120.')).toBeInTheDocument();
    expect(
      within(section).getByText('Skriv en adresse som begynner med https://, uten mellomrom.'),
    ).toBeInTheDocument();
    expect(audit).toHaveFocus();
    expect(audit.getAttribute('aria-invalid')).toBe('true');
    expect(server.calls('PUT', '/municipality/settings')).toHaveLength(0);
  });

  it('shows the privacy officer the settings to read only, from the menu', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin',
      state: {
        me: PRIVACY,
        settings: {
          sessionIdleHours: 12,
          answerRetentionMonths: 1,
          auditRetentionMonths: 36,
          accessibilityStatementUrl: null,
          controllerContact: 'postmottak@demo.kommune.no',
          dataProtectionOfficerContact: null,
        },
      },
    });
    await user.click(await screen.findByRole('link', { name: 'Kommunen' }));
    await h1('Kommunen');
    const section = await screen.findByRole('region', { name: 'Lagring og sletting' });
    await within(section).findByText('Du kan lese innstillingene, men bare en administrator kan endre dem.');
    expect(section.textContent).toContain('1 måned');
    expect(section.textContent).toContain('36 måneder');
    expect(section.textContent).toContain('12 timer');
    expect(section.textContent).toContain('Ikke oppgitt');
    expect(section.textContent).toContain('postmottak@demo.kommune.no');
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lagre innstillingene' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Navn på kommunen')).not.toBeInTheDocument();
    expect(server.calls('GET', '/municipality')).toHaveLength(0);
  });

  it('speaks nynorsk', async () => {
    await renderAdmin({ path: '/admin/kommune', language: 'nn' });
    const section = await screen.findByRole('region', { name: 'Lagring og sletting' });
    expect(
      await within(section).findByLabelText('Lagre dei einskilde svara i (månader)'),
    ).toBeInTheDocument();
  });
});
