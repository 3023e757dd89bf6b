// Starting a meeting for a unit: the way in from the report, the unit's meetings with their
// summaries (the reps read them too), the start form's checks, the exact body it sends, and the
// presenter view it lands on. Keyboard only where a person would use it.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateMeetingBody } from '../../../../src/shared/api/meetings';
import { FACTOR_IDS } from '../../../../src/shared/factors';
import { resetOfflineDb } from '../../support/offline';
import { press, tabTo, typeInto } from '../plans/support/keyboard';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { reportRoutes, unitReport } from '../support/report-fixtures';
import { jsonReply, meAs, type StaffServer } from '../support/staff-server';
import { installEventSource, leaderView, LEADER, snapshot } from './support';

const UNIT_PATH = '/admin/moter/runde/r1/enhet/solbakken';

function routes(server: StaffServer, meetings: unknown[] = [], language: 'nb' | 'nn' = 'nb') {
  const municipality = { id: 'm1', name: 'Demo kommune', language };
  reportRoutes({ reports: { solbakken: unitReport({ municipality }) } })(server);
  server.on('GET', '/meetings', () => jsonReply(200, { meetings }));
  server.on('POST', '/meetings', (req) => {
    const body = req.body as CreateMeetingBody;
    return jsonReply(201, leaderView(snapshot({ template: body.template, oneDevice: body.oneDevice })));
  });
  server.on('GET', '/meetings/m1', () => jsonReply(200, leaderView(snapshot())));
}

describe('starting a meeting', () => {
  beforeEach(resetOfflineDb);

  it("leads from the unit's report to its meetings", async () => {
    installEventSource();
    const { user } = await renderAdmin({
      path: '/admin/rapporter/r1/solbakken',
      state: { me: LEADER },
      routes: (server) => routes(server),
    });
    await press(user, await screen.findByRole('link', { name: 'Møter med de ansatte' }));
    expect(currentPath()).toBe(UNIT_PATH);
    await h1('Møter for Solbakken sykehjem');
  });

  it('lists the unit’s meetings with their summaries for a safety rep, without the start form', async () => {
    await renderAdmin({
      path: UNIT_PATH,
      state: { me: meAs([{ role: 'safety_rep', unitId: 'solbakken' }]) },
      routes: (server) =>
        routes(server, [
          {
            meetingId: 'm0',
            unitId: 'solbakken',
            roundId: 'r1',
            template: 'analysis',
            state: 'closed',
            createdAt: '2026-11-20T09:00:00.000Z',
            summary: 'Vi holder på mestringsklimaet og jobber med rolleklarhet på kveldsvakt.',
          },
        ]),
    });
    await h1('Møter for Solbakken sykehjem');
    expect(await screen.findByText(/jobber med rolleklarhet på kveldsvakt/)).toBeInTheDocument();
    expect(screen.getByText('Avsluttet, oppsummeringen er godkjent')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start møtet' })).not.toBeInTheDocument();
  });

  it('refuses a group count outside 1–12 and no factors, and sends nothing', async () => {
    const { user, server } = await renderAdmin({
      path: UNIT_PATH,
      state: { me: LEADER },
      routes: (s) => routes(s),
    });
    const groups = await screen.findByRole('spinbutton', { name: 'Antall grupper' });
    await user.clear(groups);
    await user.type(groups, '13');
    await press(user, screen.getByRole('button', { name: 'Start møtet' }));
    expect(await screen.findByText('Skriv et helt tall fra 1 til 12.')).toBeInTheDocument();
    expect(groups).toHaveFocus();
    expect(groups).toHaveAttribute('aria-invalid', 'true');

    await user.clear(groups);
    await user.type(groups, '2');
    const boxes = within(screen.getByRole('group', { name: 'Faktorer å drøfte' })).getAllByRole('checkbox');
    expect(boxes).toHaveLength(10);
    for (const box of boxes) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Start møtet' }));
    expect(await screen.findByText('Velg minst én faktor.')).toBeInTheDocument();
    expect(server.calls('POST', '/meetings')).toHaveLength(0);
  });

  it('sends the chosen template, factors, groups, one-device mode and language, then opens the presenter', async () => {
    installEventSource();
    const { user, server } = await renderAdmin({
      path: UNIT_PATH,
      state: { me: LEADER },
      routes: (s) => routes(s, [], 'nn'),
    });
    await h1('Møter for Solbakken sykehjem');
    // The municipality's language (nynorsk here, from the report) is the default choice.
    expect(await screen.findByRole('option', { name: 'Kommunens språk (Nynorsk)' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Språk i møtet' })).toHaveValue('');
    // Untick two factors with the keyboard: Tab to each box, Space.
    await tabTo(user, screen.getByRole('checkbox', { name: 'Autonomi' }));
    await user.keyboard(' ');
    await tabTo(user, screen.getByRole('checkbox', { name: 'Rolleklarhet' }));
    await user.keyboard(' ');
    const groups = screen.getByRole('spinbutton', { name: 'Antall grupper' });
    await tabTo(user, groups);
    await user.keyboard('{Backspace}');
    await typeInto(user, groups, '3');
    await tabTo(user, screen.getByRole('checkbox', { name: 'Ett felles nettbrett' }));
    await user.keyboard(' ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Språk i møtet' }), 'nb');
    await press(user, screen.getByRole('button', { name: 'Start møtet' }));

    await screen.findByRole('heading', { level: 1, name: 'Analysemøte' });
    expect(currentPath()).toBe('/admin/moter/m1');
    expect(server.calls('POST', '/meetings').map((r) => r.body)).toEqual([
      {
        roundId: 'r1',
        unitId: 'solbakken',
        template: 'analysis',
        groups: 3,
        oneDevice: true,
        candidateFactors: FACTOR_IDS.filter((f) => f !== 'autonomi' && f !== 'rolleklarhet'),
        language: 'nb',
      },
    ]);
  });

  it('sends no factors for a review meeting and leaves the language to the municipality', async () => {
    installEventSource();
    const { user, server } = await renderAdmin({
      path: UNIT_PATH,
      state: { me: LEADER },
      routes: (s) => routes(s),
    });
    await user.click(await screen.findByRole('radio', { name: 'Gjennomgang av tiltakene' }));
    expect(screen.queryByRole('group', { name: 'Faktorer å drøfte' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start møtet' }));
    await screen.findByRole('heading', { level: 1, name: 'Analysemøte' });
    expect(server.calls('POST', '/meetings').map((r) => r.body)).toEqual([
      { roundId: 'r1', unitId: 'solbakken', template: 'review', groups: 1, oneDevice: false },
    ]);
  });
});
