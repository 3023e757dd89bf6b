// Rounds: a new round starts with the domain's defaults (two weeks, threshold 5, open question
// off, background on, 7 days' grace), and each round offers only its next lifecycle step.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '../../../../src/shared/dates';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { errorReply, roundFixture } from '../support/staff-server';

const rowOf = (name: string) => screen.getByRole('article', { name });

describe('rounds', () => {
  beforeEach(resetOfflineDb);

  it('creates a draft round with the defaults: two weeks, threshold 5, open question off, background on, grace 7', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/runder', state: { rounds: [] } });
    await h1('Runder');
    await screen.findByText('Ingen runder ennå.');
    await user.click(screen.getByRole('button', { name: 'Lag en ny runde' }));

    const today = osloDate();
    expect(screen.getByLabelText<HTMLInputElement>('Åpner').value).toBe(today);
    expect(screen.getByLabelText<HTMLInputElement>('Stenger').value).toBe(addDays(today, 13));
    expect(screen.getByLabelText<HTMLInputElement>('Minste antall svar for egen rapport').value).toBe('5');
    expect(screen.getByLabelText<HTMLInputElement>('Ekstra dager for svar gitt uten nett').value).toBe('7');
    expect(screen.getByLabelText<HTMLInputElement>('Ta med et åpent spørsmål').checked).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Ta med bakgrunnsspørsmål').checked).toBe(true);

    await user.type(screen.getByLabelText('Navn'), 'Høsten 2026');
    await user.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    await screen.findByRole('article', { name: 'Høsten 2026' });
    // The form is gone: focus is on the message that says the round was made.
    expect(screen.getByText('Runden er laget som utkast og står i lista over.')).toHaveFocus();
    expect(server.calls('POST', '/rounds')[0]!.body).toEqual({
      name: 'Høsten 2026',
      names: {},
      unitId: 'helse',
      opensOn: today,
      closesOn: addDays(today, 13),
      threshold: 5,
      graceDays: 7,
      openQuestionEnabled: false,
      backgroundEnabled: true,
    });
    expect(within(rowOf('Høsten 2026')).getByText('Utkast')).toBeInTheDocument();
    // The grace days are extra days for answers given offline, not a deadline to answer.
    expect(rowOf('Høsten 2026').textContent).toContain('7 ekstra dager for svar gitt uten nett');
    expect(rowOf('Høsten 2026').textContent).not.toContain('frist');
  });

  it('refuses a threshold below 3 and a close before the open, next to the fields', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/runder' });
    await user.click(await screen.findByRole('button', { name: 'Lag en ny runde' }));
    await user.type(screen.getByLabelText('Navn'), 'X');
    const threshold = screen.getByLabelText('Minste antall svar for egen rapport');
    await user.clear(threshold);
    await user.type(threshold, '2');
    const closes = screen.getByLabelText('Stenger');
    await user.clear(closes);
    await user.type(closes, addDays(osloDate(), -1));
    await user.click(screen.getByRole('button', { name: 'Lagre som utkast' }));

    expect(screen.getByText('Runden kan ikke stenge før den åpner.')).toBeInTheDocument();
    expect(threshold.getAttribute('aria-describedby')).toContain('round-threshold-error');
    expect(document.getElementById('round-threshold-error')!.textContent).toBe(
      'Skriv et helt tall, minst 3.',
    );
    expect(document.activeElement).toBe(closes);
    expect(server.calls('POST', '/rounds')).toHaveLength(0);
  });

  it('asks for the open-answer threshold with the open question, never below the threshold', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/runder', state: { rounds: [] } });
    await h1('Runder');
    await user.click(await screen.findByRole('button', { name: 'Lag en ny runde' }));
    expect(screen.queryByLabelText('Minste antall svar for å vise åpne svar')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Ta med et åpent spørsmål'));
    const open = screen.getByLabelText<HTMLInputElement>('Minste antall svar for å vise åpne svar');
    expect(open.value).toBe('10');
    await user.type(screen.getByLabelText('Navn'), 'Med fritekst');
    await user.clear(open);
    await user.type(open, '4');
    await user.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    expect(document.getElementById('round-openAnswerThreshold-error')!.textContent).toBe(
      'Skriv et helt tall, minst like stort som minste antall svar for egen rapport.',
    );
    expect(server.calls('POST', '/rounds')).toHaveLength(0);
    await user.clear(open);
    await user.type(open, '12');
    await user.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    await screen.findByRole('article', { name: 'Med fritekst' });
    expect(server.calls('POST', '/rounds')[0]!.body).toMatchObject({
      openQuestionEnabled: true,
      openAnswerThreshold: 12,
    });
  });

  it("says that an open round's report settings are locked, and not a draft's", async () => {
    await renderAdmin({
      path: '/admin/runder',
      state: {
        rounds: [
          roundFixture({ id: 'a', name: 'Utkastet', status: 'draft' }),
          roundFixture({ id: 'b', name: 'Den åpne', status: 'open', openQuestionEnabled: true }),
        ],
      },
    });
    await screen.findByRole('article', { name: 'Den åpne' });
    const locked = /ble låst da runden åpnet/;
    expect(rowOf('Den åpne').textContent).toMatch(locked);
    expect(rowOf('Den åpne').textContent).toContain('åpne svar fra 10 svar');
    expect(rowOf('Utkastet').textContent).not.toMatch(locked);
  });

  it('offers open for a draft, close (after asking) for an open round, publish for a closed one', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/runder',
      state: {
        rounds: [
          roundFixture({ id: 'a', name: 'Utkastet', status: 'draft' }),
          roundFixture({ id: 'b', name: 'Den åpne', status: 'open' }),
          roundFixture({ id: 'c', name: 'Den stengte', status: 'closed' }),
          roundFixture({ id: 'd', name: 'Den publiserte', status: 'published' }),
        ],
      },
    });
    await screen.findByRole('article', { name: 'Utkastet' });
    const buttons = (name: string) =>
      within(rowOf(name))
        .queryAllByRole('button')
        .map((b) => b.textContent);
    // Every round can also be deleted for good (issue 15): that button is on every card.
    const DELETE = 'Slett runden for godt';
    expect(buttons('Utkastet')).toEqual(['Åpne for svar', DELETE]);
    expect(buttons('Den åpne')).toEqual(['Steng', DELETE]);
    expect(buttons('Den stengte')).toEqual(['Publiser resultater', DELETE]);
    expect(buttons('Den publiserte')).toEqual([DELETE]);

    await user.click(within(rowOf('Den åpne')).getByRole('button', { name: 'Steng: Den åpne' }));
    expect(
      within(rowOf('Den åpne')).getByText('Stenge runden nå? Den kan ikke åpnes igjen.'),
    ).toBeInTheDocument();
    await user.click(within(rowOf('Den åpne')).getByRole('button', { name: 'Steng' }));
    await within(rowOf('Den åpne')).findByText('Stengt');
    expect(server.calls('POST', '/rounds/b/close')).toHaveLength(1);

    await user.click(within(rowOf('Utkastet')).getByRole('button', { name: 'Åpne for svar: Utkastet' }));
    await within(rowOf('Utkastet')).findByText('Åpen');
    expect(server.calls('POST', '/rounds/a/open')).toHaveLength(1);
  });

  it('shows why a transition was refused', async () => {
    const { user, server } = await renderAdmin({
      path: '/admin/runder',
      state: { rounds: [roundFixture({ id: 'a', name: 'Utkastet', status: 'draft' })] },
    });
    server.on('POST', '/rounds/a/open', () => errorReply(409, 'INVALID_TRANSITION'));
    await user.click(await screen.findByRole('button', { name: 'Åpne for svar: Utkastet' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Runden kan ikke gå videre nå\./);
  });

  it('sends the name in other languages that were filled in, and only those', async () => {
    const { user, server } = await renderAdmin({ path: '/admin/runder', state: { rounds: [] } });
    await user.click(await screen.findByRole('button', { name: 'Lag en ny runde' }));
    await user.type(screen.getByLabelText('Navn'), 'Medarbeiderundersøkelsen 2026');
    const names = screen.getByRole('group', { name: 'Navnet på andre språk (valgfritt)' });
    await user.type(within(names).getByLabelText('Navn på nynorsk'), ' Medarbeidarundersøkinga 2026 ');
    await user.click(screen.getByRole('button', { name: 'Lagre som utkast' }));
    await screen.findByRole('article', { name: 'Medarbeiderundersøkelsen 2026' });
    expect(server.calls('POST', '/rounds')[0]!.body).toMatchObject({
      name: 'Medarbeiderundersøkelsen 2026',
      names: { nn: 'Medarbeidarundersøkinga 2026' },
    });
  });
});
