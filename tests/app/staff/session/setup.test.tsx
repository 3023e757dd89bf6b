// The first-admin setup link: the form appears only for a good link, and a used one says so.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { errorReply, jsonReply, meAs } from '../support/staff-server';

describe('first-admin setup', () => {
  beforeEach(resetOfflineDb);

  it('creates the first admin and signs them in', async () => {
    const { user, server } = await renderAdmin({
      path: '/oppsett/tok-1',
      state: { signedIn: false },
      routes: (fake) => {
        fake.on('GET', '/auth/setup/tok-1', () => jsonReply(200, { municipalityName: 'Demo kommune' }));
        fake.on('POST', '/auth/setup', () => {
          fake.state.signedIn = true;
          fake.state.me = meAs([{ role: 'admin', unitId: null }], { displayName: 'Hanne HR' });
          return jsonReply(200, { user: fake.state.me, csrfToken: 'x' });
        });
      },
    });
    await h1('Opprett den første administratoren');
    await screen.findByText(/for Demo kommune\./);
    await user.type(screen.getByLabelText('Brukernavn'), 'hanne');
    await user.type(screen.getByLabelText('Navn'), 'Hanne HR');
    await user.type(screen.getByLabelText('Passord'), 'et langt passord');
    await user.type(screen.getByLabelText('Gjenta passordet'), 'et langt passord');
    await user.click(screen.getByRole('button', { name: 'Opprett og logg inn' }));

    await h1('Svarprosent');
    expect(currentPath()).toBe('/admin');
    expect(screen.getByText('Logget inn som Hanne HR')).toBeInTheDocument();
    expect(server.calls('POST', '/auth/setup')[0]!.body).toEqual({
      token: 'tok-1',
      username: 'hanne',
      displayName: 'Hanne HR',
      password: 'et langt passord',
    });
  });

  it('says so when the link is used or expired, without a form', async () => {
    await renderAdmin({
      path: '/oppsett/old',
      state: { signedIn: false },
      routes: (fake) => fake.on('GET', '/auth/setup/old', () => errorReply(403, 'SETUP_TOKEN_INVALID')),
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Oppsettslenken er ugyldig, brukt eller utløpt\./,
    );
    expect(screen.queryByLabelText('Brukernavn')).not.toBeInTheDocument();
  });
});
