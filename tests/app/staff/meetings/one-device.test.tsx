// One-device mode: the presenter's tablet has a form per group for its secretary, with the
// no-names warning; each contribution carries a fresh client id, and a send that failed is sent
// again with the same id, so the server stores it once.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { renderAdmin } from '../support/render-admin';
import { errorReply, jsonReply } from '../support/staff-server';
import { installEventSource, LEADER, meetingRoutes, snapshot } from './support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('one-device mode', () => {
  beforeEach(resetOfflineDb);

  it('resends a failed contribution with the same client id, and gives the next one a new id', async () => {
    installEventSource();
    let failures = 1;
    const { user, server } = await renderAdmin({
      path: '/admin/moter/m1',
      state: { me: LEADER },
      routes: (s) => {
        meetingRoutes(snapshot({ oneDevice: true, phase: 'group', groups: 2 }))(s);
        s.on('POST', '/meetings/m1/contributions', () => {
          if (failures-- > 0) return errorReply(503, 'DATABASE_UNAVAILABLE');
          return jsonReply(200, { stored: true, remainingContributions: 59 });
        });
      },
    });
    const group1 = await screen.findByRole('form', { name: 'Gruppe 1' });
    expect(screen.getByRole('form', { name: 'Gruppe 2' })).toBeInTheDocument();
    const box = within(group1).getByRole('textbox', { name: 'Bidrag fra gruppe 1' });
    expect(box).toHaveAccessibleDescription('Ikke skriv navn eller noe som peker ut én person.');

    await user.type(box, 'Vi hjelper hverandre på travle vakter');
    await user.click(within(group1).getByRole('button', { name: 'Send for gruppe 1' }));
    await within(group1).findByRole('alert');
    expect(box).toHaveValue('Vi hjelper hverandre på travle vakter');
    await user.click(within(group1).getByRole('button', { name: 'Prøv igjen for gruppe 1' }));
    expect(await within(group1).findByText('1 bidrag sendt fra gruppen')).toBeInTheDocument();
    expect(box).toHaveValue('');

    await user.type(box, 'Vi ler sammen');
    await user.click(within(group1).getByRole('button', { name: 'Send for gruppe 1' }));
    expect(await within(group1).findByText('2 bidrag sendt fra gruppen')).toBeInTheDocument();

    const sent = server
      .calls('POST', '/meetings/m1/contributions')
      .map((r) => r.body as { clientId: string; text: string; group: number });
    expect(sent.map(({ text, group }) => ({ text, group }))).toEqual([
      { text: 'Vi hjelper hverandre på travle vakter', group: 1 },
      { text: 'Vi hjelper hverandre på travle vakter', group: 1 },
      { text: 'Vi ler sammen', group: 1 },
    ]);
    expect(sent[0]!.clientId).toMatch(UUID);
    expect(sent[1]!.clientId).toBe(sent[0]!.clientId);
    expect(sent[2]!.clientId).not.toBe(sent[0]!.clientId);
  });

  it('has no group forms in the plenum phase, when each group speaks rather than writes', async () => {
    installEventSource();
    await renderAdmin({
      path: '/admin/moter/m1',
      state: { me: LEADER },
      routes: meetingRoutes(snapshot({ oneDevice: true, phase: 'plenum' })),
    });
    await screen.findByRole('heading', { level: 1, name: 'Analysemøte' });
    expect(screen.queryByRole('form', { name: 'Gruppe 1' })).not.toBeInTheDocument();
  });
});
