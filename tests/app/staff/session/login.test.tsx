// Signing in and out: the session comes from /auth/me, the CSRF token from the login answer is
// sent on every unsafe request (and only then), errors are said plainly, and a 401 later in the
// session brings the person back to the login screen.
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { CSRF, errorReply, PASSWORD } from '../support/staff-server';

async function signIn(user: Awaited<ReturnType<typeof renderAdmin>>['user'], password = PASSWORD) {
  await user.type(await screen.findByLabelText('Brukernavn'), 'kari');
  await user.type(screen.getByLabelText('Passord'), password);
  await user.click(screen.getByRole('button', { name: 'Logg inn' }));
}

describe('staff login', () => {
  beforeEach(resetOfflineDb);

  it('sends a signed-out person to the login page, then back to where they were going', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/enheter', state: { signedIn: false } });
    await h1('Logg inn');
    expect(currentPath()).toBe('/admin/logg-inn');

    await signIn(user);
    await h1('Enheter');
    expect(currentPath()).toBe('/admin/enheter');
    const [login] = server.calls('POST', '/auth/login');
    expect(login!.body).toEqual({ username: 'kari', password: PASSWORD });
    expect(login!.credentials).toBe('same-origin');
  });

  it('sends the CSRF token from the login answer on a POST, and not on a GET', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/kommune', state: { signedIn: false } });
    await signIn(user);
    await h1('Kommunen');
    const name = await screen.findByLabelText('Navn på kommunen');
    await user.clear(name);
    await user.type(name, 'Nye Demo kommune');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    await screen.findByText('Lagret.');

    const [put] = server.calls('PUT', '/municipality');
    expect(put!.headers['x-csrf-token']).toBe(CSRF);
    expect(put!.body).toEqual({ name: 'Nye Demo kommune', number: '9999', language: 'nb' });
    expect(put!.credentials).toBe('same-origin');
    for (const get of server.calls('GET', /.*/)) expect(get.headers['x-csrf-token']).toBeUndefined();

    // A POST after a reload-free sign-out and sign-in uses the token again (logout is a POST too).
    await user.click(screen.getByRole('button', { name: 'Logg ut' }));
    expect(server.calls('POST', '/auth/logout')[0]!.headers['x-csrf-token']).toBe(CSRF);
  });

  it('says "wrong username or password" and empties the password field', async () => {
    const { user } = await renderAdmin({ path: '/admin/logg-inn', state: { signedIn: false } });
    await signIn(user, 'feil-passord');
    expect((await screen.findByRole('alert')).textContent).toBe('Feil brukernavn eller passord.');
    expect(screen.getByLabelText<HTMLInputElement>('Passord').value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Brukernavn'));
  });

  it('says clearly when the login is rate limited (429)', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/logg-inn', state: { signedIn: false } });
    server.on('POST', '/auth/login', () => errorReply(429, 'RATE_LIMITED'));
    await signIn(user);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'For mange mislykkede forsøk. Vent noen minutter før du prøver igjen.',
    );
  });

  it('ties "field missing" errors to their fields and sends nothing', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/logg-inn', state: { signedIn: false } });
    await user.click(await screen.findByRole('button', { name: 'Logg inn' }));
    const username = screen.getByLabelText('Brukernavn');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(username.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Skriv inn brukernavnet ditt.',
    );
    expect(document.activeElement).toBe(username);
    expect(server.calls('POST', '/auth/login')).toHaveLength(0);
  });

  it('logs out everywhere and says so on the login page', async () => {
    const { user, server } = await renderAdmin({ path: '/admin' });
    await h1('Svarprosent');
    await user.click(screen.getByRole('button', { name: 'Logg ut overalt' }));
    await h1('Logg inn');
    expect(server.calls('POST', '/auth/logout-all')).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('Du er logget ut overalt, i alle nettlesere.');
  });

  it('starts the next person at the overview after a log out, not on the last page', async () => {
    const { user } = await renderAdmin({ path: '/admin/kommune' });
    await h1('Kommunen');
    await user.click(screen.getByRole('button', { name: 'Logg ut' }));
    await h1('Logg inn');
    expect(screen.getByRole('status').textContent).toBe('Du er logget ut.');
    await signIn(user);
    await h1('Svarprosent');
    expect(currentPath()).toBe('/admin');
  });

  it('goes to the login page when the session ends mid-way (401)', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/kommune' });
    const save = await screen.findByRole('button', { name: 'Lagre' });
    server.state.signedIn = false;
    await user.click(save);
    await h1('Logg inn');
    await waitFor(() => expect(currentPath()).toBe('/admin/logg-inn'));
    expect(screen.getByRole('status').textContent).toBe('Du er ikke logget inn lenger. Logg inn på nytt.');
  });
});
