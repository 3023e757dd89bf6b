// What a meeting writes into the unit's plan besides the focus: meeting 2's measures (each with a
// factor, owner and deadline, checked before sending) and the review template's decisions, one
// per measure, saved together as one review.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOfflineDb } from '../../support/offline';
import { renderAdmin } from '../support/render-admin';
import { installEventSource, LEADER, meetingRoutes, snapshot, step } from './support';

async function open(snap: ReturnType<typeof snapshot>, title: string) {
  const events = installEventSource();
  const view = await renderAdmin({
    path: '/admin/moter/m1',
    state: { me: LEADER },
    routes: meetingRoutes(snap),
  });
  await screen.findByRole('heading', { level: 1, name: title });
  return { ...view, events };
}

describe('the outcome of a meeting', () => {
  beforeEach(resetOfflineDb);

  it('checks every measure, then sends them with factor, owner and deadline', async () => {
    const { user, server } = await open(
      snapshot({
        template: 'measures',
        steps: [
          step({ kind: 'igp', prompt: 'measures', factorId: 'rolleklarhet' }),
          step({ kind: 'igp', prompt: 'measures', factorId: 'mestringsklima' }),
          step({ kind: 'measures' }),
          step({ kind: 'summary' }),
        ],
        stepIndex: 2,
        phase: null,
        timer: null,
        focus: { keep: 'mestringsklima', improve: 'rolleklarhet' },
        planId: 'p1',
      }),
      'Tiltaksmøte',
    );
    await user.click(screen.getByRole('button', { name: 'Lagre tiltakene i planen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Noen felt mangler. Se over tiltakene.');
    expect(server.calls('POST', '/meetings/m1/measures')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Tiltaket' }), 'Tavle med ansvar per vakt');
    await user.type(screen.getByRole('textbox', { name: 'Ansvarlig' }), 'Avdelingsleder');
    await user.type(screen.getByLabelText('Frist'), '2027-02-01');
    await user.click(screen.getByRole('button', { name: 'Legg til et tiltak' }));
    const factors = screen.getAllByRole('combobox', { name: 'For faktoren' });
    await user.selectOptions(factors[1]!, 'mestringsklima');
    const texts = screen.getAllByRole('textbox', { name: 'Tiltaket' });
    await user.type(texts[1]!, 'Erfaringsdeling hver måned');
    await user.type(screen.getAllByRole('textbox', { name: 'Ansvarlig' })[1]!, 'Fagutvalget');
    await user.type(screen.getAllByLabelText('Frist')[1]!, '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Lagre tiltakene i planen' }));

    expect(await screen.findByText('Tiltakene er lagret i planen.')).toBeInTheDocument();
    expect(server.calls('POST', '/meetings/m1/measures').map((r) => r.body)).toEqual([
      {
        measures: [
          {
            factorId: 'rolleklarhet',
            text: 'Tavle med ansvar per vakt',
            responsible: 'Avdelingsleder',
            deadline: '2027-02-01',
          },
          {
            factorId: 'mestringsklima',
            text: 'Erfaringsdeling hver måned',
            responsible: 'Fagutvalget',
            deadline: '2027-03-01',
          },
        ],
      },
    ]);
  });

  it('keeps a decision per measure across the steps and saves them as one review', async () => {
    const review = (stepIndex: number, version: number) =>
      snapshot({
        version,
        template: 'review',
        steps: [
          step({ kind: 'reviewItem', measureId: 'ms1', text: 'Tavle med ansvar per vakt' }),
          step({ kind: 'reviewItem', measureId: 'ms2', text: 'Erfaringsdeling hver måned' }),
          step({ kind: 'summary' }),
        ],
        stepIndex,
        phase: null,
        timer: null,
      });
    const { user, server, events } = await open(review(0, 1), 'Gjennomgang av tiltakene');
    expect(screen.getByRole('heading', { name: 'Tiltak: Tavle med ansvar per vakt' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Justere' }));
    await user.type(screen.getByRole('textbox', { name: 'Merknad (valgfritt)' }), 'Også for helg');
    events.stream().push(review(1, 2));
    await screen.findByRole('heading', { name: 'Tiltak: Erfaringsdeling hver måned' });
    expect(screen.getByRole('radio', { name: 'Droppe' })).not.toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Droppe' }));
    events.stream().push(review(2, 3));
    expect(await screen.findByText('2 tiltak har fått en beslutning.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Kort om gjennomgangen' }), 'Tavla virker.');
    await user.click(screen.getByRole('button', { name: 'Lagre gjennomgangen i planen' }));
    expect(await screen.findByText('Gjennomgangen er lagret i planen.')).toBeInTheDocument();
    expect(server.calls('POST', '/meetings/m1/review').map((r) => r.body)).toEqual([
      {
        decisions: [
          { measureId: 'ms1', decision: 'adjust', note: 'Også for helg' },
          { measureId: 'ms2', decision: 'drop' },
        ],
        summary: 'Tavla virker.',
      },
    ]);
  });
});
