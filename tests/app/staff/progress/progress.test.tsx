// The leader's view during a round: the countdown ("8 dager igjen" / "8 dagar att"), answers and
// response rate per unit in Norwegian number format ("65,1 %"), refreshed every 30 seconds.
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from '../../../../src/app/staff/progress/Countdown';
import { formatCount, formatPercent, periodState } from '../../../../src/app/staff/ui/admin-format';
import type {
  AdminRound,
  RoundProgressResponse,
  UnitProgress,
} from '../../../../src/shared/api/organisation';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { meAs, roundFixture } from '../support/staff-server';

const NBSP = '\u00a0';
/** Testing Library folds a no-break space into a space; these texts must keep it. */
const exact = { normalizer: (text: string) => text };

function progress(round: AdminRound, answered = 482): RoundProgressResponse {
  const unit = (
    unitId: string,
    parentId: string | null,
    name: string,
    a: number,
    invited: number | null,
  ) => ({
    unitId,
    parentId,
    name,
    openKiosk: unitId === 'avd2',
    invited,
    answered: a,
    rate: invited ? a / invited : null,
    codesIssued: invited ?? 0,
    codesUsed: a,
    refused: { unknownCode: 0, usedCode: 0 },
    rejected: [] as UnitProgress['rejected'],
  });
  return {
    round,
    units: [
      unit('solbakken', 'helse', 'Solbakken sykehjem', answered, 740),
      unit('avd2', 'solbakken', 'Avdeling 2', 9, 20),
      unit('lager', 'solbakken', 'Lager', 0, null),
    ],
    total: { invited: 760, answered: answered + 9, rate: (answered + 9) / 760 },
    rejectedWithoutUnit: [],
  };
}

const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

describe('response rate during the round', () => {
  beforeEach(resetOfflineDb);
  afterEach(() => vi.useRealTimers());

  it('shows the goal, the countdown and the rate per unit in Norwegian format', async () => {
    await renderAdmin({ path: '/admin', state: { me: LEADER, progress: (r) => progress(r) } });
    await h1('Mine enheter');
    expect(screen.getByText('Mål: høy svarprosent!')).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Medarbeiderundersøkelsen 2026' });
    expect(within(section).getByText('8 dager igjen')).toBeInTheDocument();
    expect(within(section).getByText(/^491 av 760 har svart/).textContent).toBe(
      `491 av 760 har svart · 64,6${NBSP}%`,
    );

    const table = within(section).getByRole('table', { name: 'Svar og svarprosent per enhet' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Enhet', 'Svar', 'Invitert', 'Svarprosent'],
      ['Solbakken sykehjem', '482', '740', `65,1${NBSP}%`],
      ['Avdeling 2åpen kiosk', '9', '20', `45,0${NBSP}%`],
      ['Lager', '0', '–', '–'],
    ]);
    // Children are indented under their parent.
    const indent = (name: string) =>
      within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) }).style.paddingInlineStart;
    expect(indent('Solbakken sykehjem')).toBe('0.5rem');
    expect(indent('Avdeling 2')).toBe('1.75rem');
    expect(within(table).getByLabelText('ukjent')).toBeInTheDocument();
  });

  it('counts down in nynorsk: "8 dagar att"', async () => {
    await renderAdmin({
      path: '/admin',
      language: 'nn',
      state: { me: LEADER, progress: (r) => progress(r) },
    });
    await h1('Mine einingar');
    expect(screen.getByText('Mål: høg svarprosent!')).toBeInTheDocument();
    expect(await screen.findByText('8 dagar att')).toBeInTheDocument();
    expect(screen.getByText(`65,1${NBSP}%`, exact)).toBeInTheDocument();
  });

  it('asks again every 30 seconds and shows the new count', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let answered = 482;
    const { server } = await renderAdmin({
      path: '/admin',
      state: { me: LEADER, progress: (r) => progress(r, answered) },
    });
    await screen.findByText(`65,1${NBSP}%`, exact);
    expect(server.calls('GET', '/rounds/r1/progress')).toHaveLength(1);

    answered = 500;
    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(server.calls('GET', '/rounds/r1/progress')).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(await screen.findByText(`67,6${NBSP}%`, exact)).toBeInTheDocument();
    expect(server.calls('GET', '/rounds/r1/progress')).toHaveLength(2);
  });

  it('shows the refused answers per unit and reason, and says nothing when there are none', async () => {
    const withRejections = (round: AdminRound): RoundProgressResponse => {
      const base = progress(round);
      const [solbakken, avd2, lager] = base.units as [UnitProgress, UnitProgress, UnitProgress];
      return {
        ...base,
        units: [
          {
            ...solbakken,
            rejected: [
              { reason: 'ROUND_CLOSED', count: 12 },
              { reason: 'CODE_ALREADY_USED', count: 2 },
            ],
          },
          {
            ...avd2,
            rejected: [
              { reason: 'KIOSK_REVOKED', count: 1_203 },
              { reason: 'VALUE_OUT_OF_RANGE', count: 1 },
              { reason: 'INVALID_TEXT', count: 2 },
            ],
          },
          lager,
        ],
        rejectedWithoutUnit: [{ reason: 'UNKNOWN_UNIT', count: 3 }],
      };
    };
    await renderAdmin({ path: '/admin', state: { me: LEADER, progress: withRejections } });
    const table = await screen.findByRole('table', { name: 'Avviste svar per enhet og årsak' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Enhet', 'Årsak', 'Antall'],
      ['Solbakken sykehjem', 'Kom etter svarfristen', '12'],
      ['Koden var allerede brukt', '2'],
      ['Avdeling 2', 'Nettbrettet var trukket tilbake', `1${NBSP}203`],
      // Reasons without a label of their own are added up as one.
      ['Svaret var ufullstendig eller feil', '3'],
      ['Ukjent enhet', 'Enheten er ikke med i runden', '3'],
    ]);
    expect(screen.getByRole('heading', { level: 3, name: 'Svar som ble avvist' })).toBeInTheDocument();
  });

  it('names the reasons in nynorsk and English too', async () => {
    const oneRefusal = (round: AdminRound): RoundProgressResponse => {
      const base = progress(round);
      return { ...base, rejectedWithoutUnit: [{ reason: 'ROUND_NOT_OPEN', count: 1 }] };
    };
    const { unmount } = await renderAdmin({
      path: '/admin',
      language: 'nn',
      state: { me: LEADER, progress: oneRefusal },
    });
    const nn = await screen.findByRole('table', { name: 'Avviste svar per eining og årsak' });
    expect(within(nn).getByText('Kom før runden opna')).toBeInTheDocument();
    expect(within(nn).getByText('Ukjend eining')).toBeInTheDocument();
    unmount();
    await renderAdmin({ path: '/admin', language: 'en', state: { me: LEADER, progress: oneRefusal } });
    const en = await screen.findByRole('table', { name: 'Refused answers per unit and reason' });
    expect(within(en).getByText('Arrived before the round opened')).toBeInTheDocument();
  });

  it('shows no refused answers section when nothing was refused', async () => {
    await renderAdmin({ path: '/admin', state: { me: LEADER, progress: (r) => progress(r) } });
    await screen.findByRole('table', { name: 'Svar og svarprosent per enhet' });
    expect(screen.queryByRole('heading', { name: 'Svar som ble avvist' })).toBeNull();
  });

  it('lists draft rounds with when they open', async () => {
    await renderAdmin({
      path: '/admin',
      state: {
        rounds: [
          roundFixture({
            id: 'r2',
            name: 'Våren 2027',
            status: 'draft',
            opensOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
          }),
        ],
      },
    });
    await h1('Svarprosent');
    expect(await screen.findByText('Ingen runde er åpen akkurat nå.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Runder under forberedelse' })).toBeInTheDocument();
    expect(screen.getByText(/^Åpner om [23] dager$/)).toBeInTheDocument();
  });
});

describe('period and number formatting', () => {
  it('counts the days left including today, and the last day as 1', () => {
    expect(periodState('2026-06-01', '2026-06-14', '2026-06-07')).toEqual({ kind: 'open', daysLeft: 8 });
    expect(periodState('2026-06-01', '2026-06-14', '2026-06-14')).toEqual({ kind: 'open', daysLeft: 1 });
    expect(periodState('2026-06-01', '2026-06-14', '2026-05-30')).toEqual({ kind: 'notOpen', days: 2 });
    expect(periodState('2026-06-01', '2026-06-14', '2026-06-15')).toEqual({ kind: 'ended' });
    // Across the change to summer time: still whole days.
    expect(periodState('2026-03-20', '2026-04-02', '2026-03-25')).toEqual({ kind: 'open', daysLeft: 9 });
  });

  it('writes rates and counts the Norwegian way', () => {
    expect(formatPercent(482 / 740, 'nb')).toBe(`65,1${NBSP}%`);
    expect(formatPercent(482 / 740, 'nn')).toBe(`65,1${NBSP}%`);
    expect(formatPercent(482 / 740, 'en')).toBe('65.1%');
    expect(formatCount(18000, 'nb')).toBe(`18${NBSP}000`);
  });

  it('says "Siste dag i dag" on the last day', async () => {
    const { render } = await import('@testing-library/react');
    const { I18nextProvider } = await import('react-i18next');
    const { createI18n } = await import('../../../../src/app/i18n/i18n');
    const i18n = await createI18n('nb');
    await i18n.loadNamespaces('admin');
    render(
      <I18nextProvider i18n={i18n}>
        <Countdown opensOn="2026-06-01" closesOn="2026-06-14" today="2026-06-14" />
      </I18nextProvider>,
    );
    expect(screen.getByText('Siste dag i dag')).toBeInTheDocument();
  });
});
