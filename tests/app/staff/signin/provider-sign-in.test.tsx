// The login screen's sign-in through the municipality's identity provider: the button appears only
// when a municipality offers it and links to the server's start (a full page load), a refusal the
// server sent back (?feil=) is said plainly, and the password form stays usable whatever happens.
// The admin's screen saves the provider and the role mapping with errors tied to their fields.
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { jsonReply } from '../support/staff-server';

const OFFERED = { providers: [{ municipalityId: 'm1', municipalityName: 'Demo kommune' }] };

const SETTINGS = {
  configured: false,
  issuer: '',
  clientId: '',
  secretSource: 'none',
  secretEnv: null,
  secretEnvPresent: false,
  tenantId: null,
  enabled: false,
  redirectUri: 'https://tifaktor.kommune.no/api/v1/auth/oidc/callback',
};

describe('sign-in through the identity provider', () => {
  beforeEach(resetOfflineDb);

  it('shows a link to the start for a municipality that offers it, beside the password form', async () => {
    await renderAdmin({
      path: '/admin/logg-inn',
      state: { signedIn: false },
      routes: (server) => server.on('GET', '/auth/oidc/options', () => jsonReply(200, OFFERED)),
    });
    await h1('Logg inn');
    const link = await screen.findByRole('link', { name: 'Logg inn med kontoen din i Demo kommune' });
    expect(link.getAttribute('href')).toBe('/api/v1/auth/oidc/start?municipality=m1');
    expect(screen.getByLabelText('Brukernavn')).toBeTruthy();
  });

  it('shows no button when no municipality offers it, and no error', async () => {
    await renderAdmin({
      path: '/admin/logg-inn',
      state: { signedIn: false },
      routes: (server) => server.on('GET', '/auth/oidc/options', () => jsonReply(200, { providers: [] })),
    });
    await h1('Logg inn');
    await waitFor(() => expect(screen.queryByRole('link', { name: /kontoen din/ })).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly why the provider sign-in was refused, in nynorsk too', async () => {
    await renderAdmin({
      path: '/admin/logg-inn?feil=OIDC_NO_ROLE',
      state: { signedIn: false },
      routes: (server) => server.on('GET', '/auth/oidc/options', () => jsonReply(200, OFFERED)),
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Kontoen din har ingen rolle i tifaktor.',
    );
  });

  it('says the provider did not answer, in nynorsk', async () => {
    await renderAdmin({
      path: '/admin/logg-inn?feil=OIDC_PROVIDER_UNAVAILABLE',
      language: 'nn',
      state: { signedIn: false },
      routes: (server) => server.on('GET', '/auth/oidc/options', () => jsonReply(200, OFFERED)),
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Innloggingstenesta til kommunen svarte ikkje.',
    );
  });

  it('lets the admin set the provider and map an app role to a role on a unit', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/innlogging',
      routes: (s) => {
        s.on('GET', '/municipality/oidc', () => jsonReply(200, SETTINGS));
        s.on('PUT', '/municipality/oidc', (req) =>
          jsonReply(200, { ...SETTINGS, configured: true, secretSource: 'stored', ...(req.body as object) }),
        );
        s.on('GET', '/municipality/oidc/role-mappings', () => jsonReply(200, { mappings: [] }));
        s.on('PUT', '/municipality/oidc/role-mappings', (req) => jsonReply(200, req.body));
      },
    });
    await h1('Innlogging');
    await user.click(await screen.findByRole('button', { name: 'Lagre innlogging' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Utsteder (issuer)'));
    expect(screen.getByLabelText('Utsteder (issuer)').getAttribute('aria-invalid')).toBe('true');
    await user.type(screen.getByLabelText('Utsteder (issuer)'), 'https://login.microsoftonline.com/t/v2.0');
    await user.type(screen.getByLabelText('Klient-ID (application ID)'), 'app-id');
    await user.type(screen.getByLabelText('Ny klienthemmelighet'), 'hemmelig');
    await user.click(screen.getByLabelText('Vis knappen for kommunekonto på innloggingssiden'));
    await user.click(screen.getByRole('button', { name: 'Lagre innlogging' }));
    await waitFor(() => expect(server.calls('PUT', '/municipality/oidc')).toHaveLength(1));
    expect(server.calls('PUT', '/municipality/oidc')[0]!.body).toEqual({
      issuer: 'https://login.microsoftonline.com/t/v2.0',
      clientId: 'app-id',
      secret: { source: 'stored', value: 'hemmelig' },
      tenantId: null,
      enabled: true,
    });

    await user.click(screen.getByRole('button', { name: 'Legg til kobling' }));
    await user.type(screen.getByLabelText('Verdi hos tjenesten'), 'Tifaktor.Leder');
    await user.click(screen.getByRole('button', { name: 'Lagre koblinger' }));
    await waitFor(() => expect(server.calls('PUT', '/municipality/oidc/role-mappings')).toHaveLength(1));
    const body = server.calls('PUT', '/municipality/oidc/role-mappings')[0]!.body as {
      mappings: { role: string; unitId: string | null }[];
    };
    expect(body.mappings).toHaveLength(1);
    expect(body.mappings[0]).toMatchObject({ claim: 'roles', value: 'Tifaktor.Leder', role: 'leader' });
    expect(body.mappings[0]!.unitId).not.toBeNull();
  });
});
