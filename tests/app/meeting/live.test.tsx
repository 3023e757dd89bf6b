// A joined phone follows the room: the round's question, the phase and its clock, the note form
// with how many more it may send; a note written offline waits in the outbox, says so, and is sent
// once when the stream is back; the dots are placed once, and a resend after a lost reply is the
// same vote; a closed meeting is thanked for and forgotten.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingContributions } from '../../../src/app/offline/meeting-outbox';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';
import { fakeMeeting, installFakeSource, MEETING_ID, snapshot, TOKEN, VOTING, WRITING } from './fake-meeting';

let stream: ReturnType<typeof installFakeSource>;
beforeEach(() => {
  resetOfflineDb();
  window.sessionStorage.clear();
  stream = installFakeSource();
});
// Unmounted first: the phone's stream must not outlive the fake EventSource.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function joined(meeting: ReturnType<typeof fakeMeeting>) {
  const app = await renderApp({ path: `/mote#${TOKEN}`, replies: meeting.replies });
  await screen.findByRole('heading', { level: 1, name: 'Analysemøte' });
  // The stream opens in an effect after the first render: under load that is a moment later.
  const source = await waitFor(() => stream.latest());
  act(() => source.open());
  return { ...app, source };
}

describe('an individual phase', () => {
  it('shows the question, the phase with its clock, the warning and how many notes are left', async () => {
    const meeting = fakeMeeting(WRITING);
    const { user, source } = await joined(meeting);
    expect(source.url).toBe('/api/v1/meetings/live/events');

    expect(screen.getByRole('heading', { name: 'Hva er styrkene våre?' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Hver for seg' })).toBeInTheDocument();
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent(/^(4:00|3:59)$/);
    const note = screen.getByRole('textbox', { name: 'Din tanke' });
    expect(note).toHaveAccessibleDescription(expect.stringContaining('Ikke skriv navn'));
    expect(screen.getByText('Du kan sende 8 tanker til i denne runden.')).toBeInTheDocument();

    await user.type(note, 'Vi ler mye sammen');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(screen.getByTestId('outbox-status')).toHaveTextContent('Sendt.'));
    expect(screen.getByText('Du kan sende 7 tanker til i denne runden.')).toBeInTheDocument();
    expect(note).toHaveValue('');
    expect([...meeting.server.contributions.values()]).toEqual(['Vi ler mye sammen']);
    // Nothing of the text stays on the phone once the server has it.
    expect(await pendingContributions(MEETING_ID)).toEqual([]);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('ler mye');
  });

  it('keeps a note written offline, says it waits, and sends it once when the stream is back', async () => {
    const meeting = fakeMeeting(WRITING);
    const { user, source } = await joined(meeting);
    meeting.server.online = false;
    act(() => source.drop());
    expect(await screen.findByText(/Ingen kontakt med møtet akkurat nå/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Din tanke' }), 'Gode rutiner');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const status = screen.getByTestId('outbox-status');
    await waitFor(() =>
      expect(status).toHaveTextContent('1 tanke er lagret på telefonen, men ikke sendt ennå.'),
    );
    expect(status).not.toHaveTextContent('Sendt');
    expect(await pendingContributions(MEETING_ID)).toHaveLength(1);
    expect(meeting.server.contributionPosts).toEqual([]);

    meeting.server.online = true;
    act(() => source.open());

    await waitFor(() => expect(status).toHaveTextContent('Sendt.'));
    expect(meeting.server.contributionPosts.map((p) => p.text)).toEqual(['Gode rutiner']);
    expect(meeting.server.contributions.size).toBe(1);
    expect(await pendingContributions(MEETING_ID)).toEqual([]);
    expect(screen.queryByText(/Ingen kontakt med møtet/)).not.toBeInTheDocument();
  });

  it('says a note written offline was not taken when it arrives after the writing time', async () => {
    const meeting = fakeMeeting(WRITING);
    const { user, source } = await joined(meeting);
    meeting.server.online = false;
    await user.type(screen.getByRole('textbox', { name: 'Din tanke' }), 'For sent');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByTestId('outbox-status')).toHaveTextContent('ikke sendt ennå'));

    meeting.server.snapshot = snapshot({ ...WRITING, version: 2, phase: 'group' });
    meeting.server.online = true;
    act(() => source.drop());
    act(() => source.open());

    expect(
      await screen.findByText('Tanken ble ikke tatt imot: skrivetiden i denne runden er over.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Sendt/)).not.toBeInTheDocument();
    expect(await pendingContributions(MEETING_ID)).toEqual([]);
  });

  it('tells the group phase to talk, without the form', async () => {
    const meeting = fakeMeeting(WRITING);
    const { source } = await joined(meeting);
    act(() => source.send(snapshot({ ...WRITING, version: 5, phase: 'group' })));
    expect(await screen.findByText('Snakk i gruppen din.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Din tanke' })).not.toBeInTheDocument();
  });

  it('shows the contributions once the leader reveals them', async () => {
    const meeting = fakeMeeting(WRITING);
    const { source } = await joined(meeting);
    act(() =>
      source.send(
        snapshot({
          ...WRITING,
          version: 6,
          phase: 'plenum',
          revealed: true,
          contributionCount: 2,
          contributions: [
            { id: 'c1', text: 'Humor på vakt', phase: 'individual', group: null, label: null },
            { id: 'c2', text: 'Vi stiller opp', phase: 'individual', group: null, label: null },
          ],
        }),
      ),
    );
    const board = await screen.findByRole('region', { name: 'Bidragene, i tilfeldig rekkefølge' });
    expect(
      within(board)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
        .sort(),
    ).toEqual(['Humor på vakt', 'Vi stiller opp']);
  });
});

describe('a vote', () => {
  it('places the dots once, with a client id', async () => {
    const meeting = fakeMeeting(VOTING);
    const { user } = await joined(meeting);
    await user.click(screen.getByRole('button', { name: 'Gi én prikk til Mestringsklima' }));
    await user.click(screen.getByRole('button', { name: 'Gi én prikk til Mestringsklima' }));
    await user.click(screen.getByRole('button', { name: 'Gi én prikk til Rolleklarhet' }));
    await user.click(screen.getByRole('button', { name: 'Legg 3 prikker' }));

    expect(await screen.findByText(/Du har lagt alle prikkene dine/)).toBeInTheDocument();
    expect(meeting.server.votePosts).toHaveLength(1);
    expect(meeting.server.votePosts[0]!.dots).toEqual({ mestringsklima: 2, rolleklarhet: 1 });
    expect(meeting.server.votePosts[0]!.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('sends a vote whose reply was lost again as the same vote', async () => {
    const meeting = fakeMeeting(VOTING);
    const { user } = await joined(meeting);
    meeting.server.loseNextVoteReply = true;
    await user.click(screen.getByRole('button', { name: 'Gi én prikk til Rolleklarhet' }));
    await user.click(screen.getByRole('button', { name: 'Legg 1 prikk' }));

    expect(await screen.findByText(/Prikkene er ikke kommet fram ennå/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send prikkene igjen' }));

    expect(await screen.findByText('Prikkene dine er lagt.')).toBeInTheDocument();
    const [first, second] = meeting.server.votePosts;
    expect(meeting.server.votePosts).toHaveLength(2);
    expect(second!.clientId).toBe(first!.clientId);
    expect(meeting.server.votes.size).toBe(1);
    expect(meeting.server.me.remainingDots).toBe(2);
    expect(screen.getByRole('button', { name: 'Legg 0 prikker' })).toBeDisabled();
  });
});

describe('following the room', () => {
  it('tells a new step politely, once', async () => {
    const meeting = fakeMeeting(WRITING);
    const { source } = await joined(meeting);
    meeting.server.snapshot = snapshot({ ...VOTING, version: 3 });
    act(() => source.send(meeting.server.snapshot));

    expect(await screen.findByText('Nå: avstemning')).toHaveAttribute('aria-live', 'polite');
    expect(await screen.findByRole('button', { name: 'Gi én prikk til Mestringsklima' })).toBeInTheDocument();
    expect(screen.getByText('Del 4 av 4')).toBeInTheDocument();
  });

  it('sends a vote that did not get through again, as the same vote, when the stream is back', async () => {
    const meeting = fakeMeeting(VOTING);
    const { user, source } = await joined(meeting);
    meeting.server.loseNextVoteReply = true;
    await user.click(screen.getByRole('button', { name: 'Gi én prikk til Mestringsklima' }));
    await user.click(screen.getByRole('button', { name: 'Legg 1 prikk' }));
    expect(await screen.findByText(/Prikkene er ikke kommet fram ennå/)).toBeInTheDocument();
    expect(window.sessionStorage.length).toBe(1);

    act(() => source.drop());
    act(() => source.open());

    expect(await screen.findByText('Prikkene dine er lagt.')).toBeInTheDocument();
    const ids = meeting.server.votePosts.map((p) => p.clientId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(window.sessionStorage.length).toBe(0);
  });
});

describe('the end of the meeting', () => {
  it('thanks, and forgets the meeting with whatever still waited', async () => {
    const meeting = fakeMeeting(WRITING);
    const { user, source } = await joined(meeting);
    meeting.server.online = false;
    await user.type(screen.getByRole('textbox', { name: 'Din tanke' }), 'Aldri sendt');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(async () => expect(await pendingContributions(MEETING_ID)).toHaveLength(1));

    act(() => source.send(snapshot({ ...WRITING, version: 9, state: 'closed' })));

    expect(await screen.findByRole('heading', { level: 1, name: 'Møtet er over' })).toBeInTheDocument();
    expect(screen.getByText('Takk for at du var med!')).toBeInTheDocument();
    expect(screen.getByText('1 tanke som ikke kom fram, er slettet fra telefonen.')).toBeInTheDocument();
    expect(await pendingContributions(MEETING_ID)).toEqual([]);
    expect(source.readyState).toBe(2);
  });
});
