// The leader's way from the report to an agreed plan, keyboard only: the report's "Oppfølgingsplan"
// button, the start screen, two focus factors (one to keep up, one to improve) with why, a goal with
// "slik vet vi at vi lykkes", measures with a responsible account or a named role and a deadline (one
// from the factor card's suggestions), the safety rep's consultation date, then "agreed" once nothing
// is missing. The warning not to write about one person stands over the plan.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { currentPath, h1, renderAdmin } from '../support/render-admin';
import { meAs } from '../support/staff-server';
import { reportRoutes, suppressedReport, unitReport } from '../support/report-fixtures';
import { installPlanFake } from './support/plan-fake';
import { press, tabTo, typeInto } from './support/keyboard';

const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

async function openReport(report = unitReport()) {
  const view = await renderAdmin({
    path: `/admin/rapporter/r1/${report.unit.id}`,
    state: { me: LEADER },
    routes: (server) => {
      reportRoutes({ reports: { [report.unit.id]: report } })(server);
      installPlanFake(server, { figure: 4.25 });
    },
  });
  await h1(`Resultater for ${report.unit.name}`);
  return view;
}

describe('making a follow-up plan from the report', () => {
  beforeEach(resetOfflineDb);

  it(
    'goes from the report to a draft plan, adds two factors, goals and measures, consults and agrees',
    { timeout: 120_000 },
    async () => {
      const { user, server } = await openReport();
      await press(user, await screen.findByRole('link', { name: 'Oppfølgingsplan' }));
      await h1('Ny oppfølgingsplan for Solbakken sykehjem');
      expect(screen.getByText('Planen handler om enheten, aldri om én person')).toBeInTheDocument();
      await press(user, screen.getByRole('button', { name: 'Lag utkast til plan' }));
      await h1('Oppfølgingsplan for Solbakken sykehjem');
      expect(currentPath()).toMatch(/^\/admin\/oppfolging\/plan\/p\d+$/);
      expect(server.calls('POST', '/plans')[0]!.body).toEqual({ roundId: 'r1', unitId: 'solbakken' });
      // A draft says what is missing before it can be agreed, and the button waits.
      const steps = screen.getByRole('region', { name: 'Planens steg' });
      expect(within(steps).getByText('Velg minst én fokusfaktor.')).toBeInTheDocument();
      expect(within(steps).getByRole('button', { name: 'Marker planen som avtalt' })).toBeDisabled();

      // First factor: keep up Mestringsklima. The first choice defaults to "keep".
      await press(user, screen.getByRole('button', { name: 'Velg en fokusfaktor' }));
      await tabTo(user, screen.getByLabelText('Faktor'));
      await user.selectOptions(screen.getByLabelText('Faktor'), 'mestringsklima');
      expect(screen.getByRole('radio', { name: /^Videreføre/ })).toBeChecked();
      await typeInto(user, screen.getByLabelText('Hvorfor valgte dere den?'), 'Vi hjelper hverandre godt.');
      await press(user, screen.getByRole('button', { name: 'Legg til faktoren' }));
      expect(await screen.findByText('Mestringsklima er lagt til som fokusfaktor.')).toHaveFocus();
      const keep = screen.getByRole('article', { name: 'Mestringsklima' });
      expect(within(keep).getByText('Videreføre')).toBeInTheDocument();
      // The server's figure for the unit, printed as the report prints it.
      expect(within(keep).getByText('4,3')).toBeInTheDocument();

      // Second factor: improve Rolleklarhet (the form now defaults to improve).
      await press(user, screen.getByRole('button', { name: 'Velg en fokusfaktor' }));
      await tabTo(user, screen.getByLabelText('Faktor'));
      await user.selectOptions(screen.getByLabelText('Faktor'), 'rolleklarhet');
      expect(screen.getByRole('radio', { name: /^Innsatsområde/ })).toBeChecked();
      await press(user, screen.getByRole('button', { name: 'Legg til faktoren' }));
      await screen.findByText('Rolleklarhet er lagt til som fokusfaktor.');
      // Two is the municipality's number: no third.
      expect(screen.queryByRole('button', { name: 'Velg en fokusfaktor' })).not.toBeInTheDocument();
      const improve = screen.getByRole('article', { name: 'Rolleklarhet' });

      for (const [card, factor] of [
        [keep, 'Mestringsklima'],
        [improve, 'Rolleklarhet'],
      ] as const) {
        await press(user, within(card).getByRole('button', { name: `Legg til mål for ${factor}` }));
        await typeInto(user, within(card).getByLabelText('Dette vil vi se'), `Mål for ${factor}`);
        await typeInto(
          user,
          within(card).getByLabelText('Slik vet vi at vi lykkes'),
          'Vi ser det på vaktmøtet.',
        );
        await press(user, within(card).getByRole('button', { name: 'Lagre målet' }));
        await within(card).findByText(`Mål for ${factor}`);
      }

      // A measure from the factor card's suggestion, then edited; the leader's account carries it.
      await press(user, within(keep).getByRole('button', { name: 'Legg til tiltak for Mestringsklima' }));
      await tabTo(user, within(keep).getByText('Forslag fra faktorkortet'));
      await user.keyboard('{Enter}');
      const suggestion = 'Del tips og kunnskap med kolleger, også når ingen spør.';
      await press(user, within(keep).getByRole('button', { name: `Bruk forslaget «${suggestion}»` }));
      const text = within(keep).getByLabelText('Tiltak');
      expect(text).toHaveFocus();
      expect(text).toHaveValue(suggestion);
      await user.keyboard(' Fast punkt på personalmøtet.');
      await tabTo(user, within(keep).getByLabelText('Frist'));
      await user.clear(within(keep).getByLabelText('Frist'));
      await user.keyboard('2026-06-30');
      await press(user, within(keep).getByRole('button', { name: 'Legg til tiltaket' }));
      await within(keep).findByText(`${suggestion} Fast punkt på personalmøtet.`);
      expect(within(keep).getByText('Ansvar: Kari Nordmann')).toBeInTheDocument();
      expect(within(keep).getByText('Frist: 30. juni 2026')).toBeInTheDocument();
      const posted = server.calls('POST', /\/measures$/)[0]!.body as Record<string, unknown>;
      expect(posted).toMatchObject({
        responsible: { accountId: 'user-1' },
        deadline: '2026-06-30',
        status: 'not_started',
      });

      // A measure carried by a named role, not a person.
      await press(user, within(improve).getByRole('button', { name: 'Legg til tiltak for Rolleklarhet' }));
      await typeInto(user, within(improve).getByLabelText('Tiltak'), 'Avklar hvem som gjør hva før vakten.');
      await tabTo(user, within(improve).getByRole('radio', { name: /^En person med konto/ }));
      await user.keyboard('{ArrowDown}');
      expect(within(improve).getByRole('radio', { name: /^En rolle/ })).toBeChecked();
      await typeInto(user, within(improve).getByLabelText('Rolle'), 'ordstyrer for personalmøtet');
      await press(user, within(improve).getByRole('button', { name: 'Legg til tiltaket' }));
      await within(improve).findByText('Ansvar: ordstyrer for personalmøtet (rolle)');

      // Still missing: the safety rep. Then the date, and nothing is missing.
      expect(within(steps).getByText('Før inn når verneombudet ble tatt med på råd.')).toBeInTheDocument();
      const safety = screen.getByRole('group', { name: 'Verneombud' });
      await tabTo(user, within(safety).getByLabelText('Dato verneombudet ble tatt med'));
      await user.clear(within(safety).getByLabelText('Dato verneombudet ble tatt med'));
      await user.keyboard('2026-04-02');
      await press(user, within(safety).getByRole('button', { name: 'Lagre datoen' }));
      expect(await within(safety).findByText('Tatt med på råd 2. april 2026.')).toBeInTheDocument();
      expect(within(steps).queryByText(/Dette mangler/)).not.toBeInTheDocument();

      // Agree: the button says what happens, asks once more, then the plan is agreed.
      expect(within(steps).getByText(/Fokusfaktorer og mål låses/)).toBeInTheDocument();
      await press(user, within(steps).getByRole('button', { name: 'Marker planen som avtalt' }));
      await press(user, within(steps).getByRole('button', { name: 'Ja, gjør det' }));
      expect(await within(steps).findByText('Planen er avtalt.')).toHaveFocus();
      expect(server.calls('POST', /\/transition$/).map((r) => r.body)).toEqual([{ to: 'agreed' }]);
      // Agreed: factors and goals are locked, measures can still change.
      expect(screen.queryByRole('button', { name: /^Legg til mål/ })).not.toBeInTheDocument();
      expect(screen.getAllByRole('button', { name: /^Legg til tiltak/ })).toHaveLength(2);
      expect(screen.getByText(/^Neste gjennomgang: /)).toBeInTheDocument();
    },
  );

  it('tells a unit without its own report that the plan builds on the results above', async () => {
    const { user } = await openReport(suppressedReport());
    await press(user, await screen.findByRole('link', { name: 'Oppfølgingsplan' }));
    await h1('Ny oppfølgingsplan for Avdeling 2');
    expect(
      screen.getByText(/Planen bygger på resultatene for Solbakken sykehjem, og planen sier det/),
    ).toBeInTheDocument();
    await press(user, screen.getByRole('button', { name: 'Lag utkast til plan' }));
    await h1('Oppfølgingsplan for Avdeling 2');
    expect(
      screen.getByText(
        'Enheten har for få svar til en egen rapport. Planen bygger på resultatene for Solbakken sykehjem.',
      ),
    ).toBeInTheDocument();
  });

  it('asks for what is missing in a measure and says it at the field', async () => {
    const { user } = await openReport();
    await press(user, await screen.findByRole('link', { name: 'Oppfølgingsplan' }));
    await press(user, await screen.findByRole('button', { name: 'Lag utkast til plan' }));
    await h1('Oppfølgingsplan for Solbakken sykehjem');
    await press(user, screen.getByRole('button', { name: 'Velg en fokusfaktor' }));
    await press(user, screen.getByRole('button', { name: 'Legg til faktoren' }));
    await screen.findByText('Indre motivasjon er lagt til som fokusfaktor.');
    await press(user, screen.getByRole('button', { name: 'Legg til tiltak for Indre motivasjon' }));
    await press(user, screen.getByRole('button', { name: 'Legg til tiltaket' }));
    const field = screen.getByLabelText('Tiltak');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/Skriv hva som skal gjøres\./);
  });
});
