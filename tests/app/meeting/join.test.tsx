// Joining a meeting from a phone: the short code as people type it (lower case, spaces, dashes),
// the QR link's token from the address's fragment (gone from the address bar at once), no account
// and no name, and a plain message for each refusal: unknown code, too many guesses (with the
// wait), a closed meeting, no network.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';
import { CODE, fakeMeeting, installFakeSource, TOKEN } from './fake-meeting';

beforeEach(() => {
  resetOfflineDb();
  window.sessionStorage.clear();
  installFakeSource();
});
// Unmounted first: the phone's stream must not outlive the fake EventSource.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openJoinForm(meeting = fakeMeeting()) {
  const app = await renderApp({ path: '/mote', replies: meeting.replies });
  const input = await screen.findByRole('textbox', { name: 'Møtekode' });
  return { ...app, input, ...meeting };
}

describe('joining with the short code', () => {
  it('normalises what was typed, asks for nothing else, and shows the meeting', async () => {
    const { user, input, server } = await openJoinForm();
    expect(screen.getAllByRole('textbox')).toEqual([input]);
    expect(screen.getByText('Du trenger ingen konto, og vi spør ikke om navnet ditt.')).toBeInTheDocument();

    await user.type(input, ' abcd-23 45 ');
    await user.click(screen.getByRole('button', { name: 'Bli med' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Analysemøte' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Se på skjermen' })).toBeInTheDocument();
    expect(server.joins).toEqual([{ code: CODE }]);
  });

  it('tells a code of the wrong length or with letters a code never has, without asking the server', async () => {
    const { user, input, server } = await openJoinForm();
    await user.type(input, 'abc');
    await user.click(screen.getByRole('button', { name: 'Bli med' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Koden har 8 tegn. Sjekk at du har fått med alle.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.clear(input);
    await user.type(input, 'ABCD0OIL');
    await user.click(screen.getByRole('button', { name: 'Bli med' }));
    expect(screen.getByRole('alert')).toHaveTextContent('uten O, I, L, 0 og 1');
    expect(server.joins).toEqual([]);
  });

  const refusals = [
    [
      'an unknown or expired code',
      { status: 404, code: 'MEETING_CODE_INVALID' },
      'Vi finner ikke noe møte med denne koden.',
    ],
    [
      'too many wrong guesses, with the wait',
      { status: 429, code: 'RATE_LIMITED', headers: { 'retry-after': '600' } },
      'For mange feil forsøk. Vent 10 minutter, og prøv igjen.',
    ],
    [
      'too many wrong guesses, no wait given',
      { status: 429, code: 'RATE_LIMITED' },
      'Vent litt, og prøv igjen.',
    ],
    ['a closed meeting', { status: 409, code: 'MEETING_CLOSED' }, 'Dette møtet er avsluttet.'],
  ] as const;

  it.each(refusals)('explains %s', async (_what, refusal, message) => {
    const meeting = fakeMeeting();
    meeting.server.joinRefusal = { ...refusal };
    const { user, input } = await openJoinForm(meeting);
    await user.type(input, CODE);
    await user.click(screen.getByRole('button', { name: 'Bli med' }));
    expect(await screen.findByText(new RegExp(message.replace(/[.?]/g, '\\$&')))).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Bli med' })).toBeEnabled();
  });

  it('says when the phone has no network', async () => {
    const meeting = fakeMeeting();
    const { user, input } = await openJoinForm(meeting);
    meeting.server.online = false;
    await user.type(input, CODE);
    await user.click(screen.getByRole('button', { name: 'Bli med' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Telefonen har ikke kontakt med nettet.');
  });
});

describe('joining with the QR link', () => {
  it('joins at once with the token and takes it out of the address', async () => {
    const meeting = fakeMeeting();
    const { router } = await renderApp({ path: `/mote#${TOKEN}`, replies: meeting.replies });

    expect(await screen.findByRole('heading', { level: 1, name: 'Analysemøte' })).toBeInTheDocument();
    expect(meeting.server.joins).toEqual([{ token: TOKEN }]);
    await waitFor(() => expect(router.location?.hash).toBe(''));
    expect(router.location?.pathname).toBe('/mote');
    expect(screen.queryByRole('textbox', { name: 'Møtekode' })).not.toBeInTheDocument();
  });

  it('asks for the code when the link is no longer valid, and the token is gone all the same', async () => {
    const meeting = fakeMeeting();
    const { router } = await renderApp({ path: `/mote#${'X'.repeat(43)}`, replies: meeting.replies });

    expect(await screen.findByRole('alert')).toHaveTextContent('Lenken virker ikke lenger.');
    expect(screen.getByRole('textbox', { name: 'Møtekode' })).toBeInTheDocument();
    await waitFor(() => expect(router.location?.hash).toBe(''));
  });

  it('finds the meeting again after a reload by the participant cookie, without a code', async () => {
    const meeting = fakeMeeting();
    meeting.server.joined = true;
    await renderApp({ path: '/mote', replies: meeting.replies });
    expect(await screen.findByRole('heading', { level: 1, name: 'Analysemøte' })).toBeInTheDocument();
    expect(meeting.server.joins).toEqual([]);
  });
});

describe("the meeting's language", () => {
  it('comes with the meeting page, not with the first load', async () => {
    const meeting = fakeMeeting();
    const { i18n } = await renderApp({ path: '/', replies: meeting.replies });
    expect(i18n.hasResourceBundle('nb', 'meeting')).toBe(false);
  });

  it('follows the meeting, and the switch still wins', async () => {
    const meeting = fakeMeeting({ language: 'nn' });
    const { user } = await renderApp({ path: `/mote#${TOKEN}`, replies: meeting.replies });
    expect(await screen.findByRole('heading', { name: 'Sjå på skjermen' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Look at the screen' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Analysis meeting' })).toBeInTheDocument();
  });
});
