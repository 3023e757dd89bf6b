// HR's follow-up overview, keyboard only: the share of units with an agreed plan, plans and
// measures by status, what is overdue, the factors chosen as a chart with the same counts in a table,
// each unit's row, a sector chosen from the municipality's units, and the CSV file (semicolons, a
// byte order mark, a unit name that starts like a formula made harmless).
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverviewResponse } from '../../../../src/shared/api/plans';
import { FACTOR_IDS } from '../../../../src/shared/factors';
import { resetOfflineDb } from '../../support/offline';
import { h1, renderAdmin } from '../support/render-admin';
import { jsonReply } from '../support/staff-server';
import { installPlanFake } from './support/plan-fake';
import { press, tabTo } from './support/keyboard';

function overview(unit = { id: 'helse', name: 'Helse og omsorg' }): OverviewResponse {
  return {
    round: { id: 'r1', name: 'Medarbeiderundersøkelsen 2026' },
    unit,
    units: 4,
    unitsWithAgreedPlan: 3,
    agreedShare: 0.75,
    plansByStatus: { draft: 1, agreed: 1, in_progress: 2, evaluated: 0, closed: 0 },
    measuresByStatus: { not_started: 4, in_progress: 5, stuck: 1, done: 3, dropped: 1 },
    overdueMeasures: 2,
    overdueReviews: 1,
    factors: FACTOR_IDS.map((factorId) => ({
      factorId,
      keep: factorId === 'mestringsklima' ? 3 : 0,
      improve: factorId === 'rolleklarhet' ? 2 : factorId === 'autonomi' ? 1 : 0,
    })),
    rows: [
      {
        unitId: 'solbakken',
        name: 'Solbakken sykehjem',
        parentId: 'helse',
        planId: 'p1',
        status: 'in_progress',
        measures: 5,
        measuresDone: 2,
        overdueMeasures: 1,
        nextReviewOn: '2026-06-01',
        reviewOverdue: true,
      },
      {
        unitId: 'avd2',
        name: '=Avdeling 2',
        parentId: 'solbakken',
        planId: null,
        status: null,
        measures: 0,
        measuresDone: 0,
        overdueMeasures: 0,
        nextReviewOn: null,
        reviewOverdue: false,
      },
    ],
  };
}

function captureDownloads() {
  const blobs: { blob: Blob; name: string }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push({ blob: blob as Blob, name: '' });
    return `blob:${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    blobs[blobs.length - 1]!.name = this.download;
  });
  return blobs;
}

async function openOverview() {
  const view = await renderAdmin({
    path: '/admin/oppfolging/oversikt',
    routes: (server) => {
      installPlanFake(server);
      // The fake sees paths without their query: the second request is the sector's (see below).
      let calls = 0;
      server.on('GET', '/plans/overview', () => {
        calls += 1;
        return jsonReply(
          200,
          calls > 1 ? overview({ id: 'solbakken', name: 'Solbakken sykehjem' }) : overview(),
        );
      });
    },
  });
  await h1('Oppfølging i kommunen');
  await screen.findByRole('heading', { level: 2, name: 'Helse og omsorg, Medarbeiderundersøkelsen 2026' });
  return view;
}

const cells = (table: HTMLElement, name: string) =>
  within(within(table).getByRole('rowheader', { name }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('the follow-up overview', () => {
  beforeEach(resetOfflineDb);

  it('shows the agreed share, the statuses, what is overdue and the factors chosen', async () => {
    await openOverview();
    expect(screen.getByText('Enheter med avtalt plan').nextElementSibling).toHaveTextContent('75 % 3 av 4');
    expect(screen.getByText('Tiltak over fristen', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '2',
    );
    expect(screen.getByText('Gjennomganger som er forfalt').nextElementSibling).toHaveTextContent('1');
    const plans = screen.getByRole('table', { name: 'Planer etter steg' });
    expect(cells(plans, 'I gang')).toEqual(['2']);
    const measures = screen.getByRole('table', { name: 'Tiltak etter status' });
    expect(cells(measures, 'Står fast')).toEqual(['1']);
    expect(cells(measures, 'Gjennomført')).toEqual(['3']);
    // The chart is drawn for the eye; the table beside it carries the same counts.
    const factors = screen.getByRole('table', { name: 'Antall planer som har valgt hver faktor' });
    expect(cells(factors, 'Mestringsklima')).toEqual(['3', '0']);
    expect(cells(factors, 'Rolleklarhet')).toEqual(['0', '2']);
    expect(document.querySelector('.plan-chart__bars')).toHaveAttribute('aria-hidden', 'true');
    const units = screen.getByRole('table', { name: 'Enhetene' });
    expect(cells(units, 'Solbakken sykehjem')).toEqual(['I gang', '2 av 5', '1', '1. juni 2026forfalt']);
    expect(cells(units, '=Avdeling 2')).toEqual(['Ingen plan', '0 av 0', '0', '–']);
  });

  it('narrows to a sector with the keyboard', async () => {
    const { user, server } = await openOverview();
    await tabTo(user, screen.getByLabelText('Del av kommunen'));
    await user.selectOptions(screen.getByLabelText('Del av kommunen'), 'solbakken');
    await screen.findByRole('heading', {
      level: 2,
      name: 'Solbakken sykehjem, Medarbeiderundersøkelsen 2026',
    });
    const urls = vi.mocked(fetch).mock.calls.map(([url]) => url as string);
    expect(urls).toContain('/api/v1/plans/overview?roundId=r1&unitId=solbakken');
    expect(server.calls('GET', '/plans/overview')).toHaveLength(2);
  });

  it('downloads the units and factors as a formula-safe CSV file', async () => {
    const blobs = captureDownloads();
    const { user } = await openOverview();
    await press(user, screen.getByRole('button', { name: 'Last ned (CSV)' }));
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.name).toBe('oppfolging-helse-og-omsorg-medarbeiderundersøkelsen-2026.csv');
    const bytes = new Uint8Array(await blobs[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await blobs[0]!.blob.text()).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Enhet;Status;Tiltak;Gjennomført;Tiltak over fristen;Neste gjennomgang;Gjennomgang forfalt',
      'Solbakken sykehjem;I gang;5;2;1;1. juni 2026;ja',
      "'=Avdeling 2;Ingen plan;0;0;0;;nei",
    ]);
    expect(lines).toContain('Faktor;Videreføre;Innsatsområde');
    expect(lines).toContain('Mestringsklima;3;0');
  });
});

describe('the number of focus factors', () => {
  beforeEach(resetOfflineDb);

  it('lets admin set how many focus factors a unit chooses, from 1 to 3', async () => {
    const { user, server } = await openOverview();
    const field = screen.getByLabelText('Fokusfaktorer per enhet');
    expect(field).toHaveValue('2');
    expect(
      within(field)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1', '2', '3']);
    await tabTo(user, field);
    await user.selectOptions(field, '3');
    await tabTo(user, screen.getByRole('button', { name: 'Lagre' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Enhetene kan nå velge inntil 3 fokusfaktorer.')).toHaveFocus();
    expect(server.calls('PUT', '/plans/settings')[0]!.body).toEqual({ focusFactorCount: 3 });
  });
});
