// The fake meeting server for the presenter tests: a leader view per meeting behind the contract's
// addresses (the fake staff API checks every reply against the real schemas), each POST recorded
// with its body, and a fake EventSource the test pushes snapshots through as the server's live
// stream would.
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type {
  MeetingLeaderView,
  MeetingResults,
  MeetingSnapshot,
  MeetingStep,
} from '../../../../src/shared/api/meetings';
import { FACTOR_IDS } from '../../../../src/shared/factors';
import { jsonReply, meAs, type StaffServer } from '../support/staff-server';

export const LEADER = meAs([{ role: 'leader', unitId: 'solbakken' }]);

export const step = (overrides: Partial<MeetingStep> = {}): MeetingStep => ({
  kind: 'intro',
  prompt: null,
  factorId: null,
  measureId: null,
  text: null,
  ...overrides,
});

/** An analysis meeting at its strengths round, individual phase, 3 of 5 minutes left, unrevealed. */
export function snapshot(overrides: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return {
    meetingId: 'm1',
    version: 1,
    serverNow: '2026-12-03T12:00:00.000Z',
    template: 'analysis',
    language: 'nb',
    oneDevice: false,
    state: 'open',
    unitId: 'solbakken',
    roundId: 'r1',
    groups: 2,
    steps: [
      step({ kind: 'intro' }),
      step({ kind: 'results' }),
      step({ kind: 'igp', prompt: 'strengths' }),
      step({ kind: 'igp', prompt: 'factor', factorId: 'mestringsklima' }),
      step({ kind: 'vote' }),
      step({ kind: 'choose' }),
      step({ kind: 'summary' }),
    ],
    stepIndex: 2,
    phase: 'individual',
    timer: { running: true, durationSeconds: 300, remainingSeconds: 180, endsAt: '2026-12-03T12:03:00.000Z' },
    roles: null,
    participants: 4,
    contributionCount: 0,
    revealed: false,
    contributions: [],
    wordCloud: [],
    vote: null,
    focus: null,
    planId: null,
    summary: null,
    ...overrides,
  };
}

/** The results step's figures: 4.3 on every factor but autonomi, hidden (too few answers). */
export const results = (basedOnUnitId: string | null = null): MeetingResults => ({
  basedOnUnitId,
  factors: FACTOR_IDS.map((factorId) => ({ factorId, average: factorId === 'autonomi' ? null : 4.3 })),
});

export const leaderView = (snap: MeetingSnapshot): MeetingLeaderView => ({
  snapshot: snap,
  code: 'K7MQ2XPA',
  joinToken: 'tok_'.padEnd(43, 'x'),
  expiresAt: '2026-12-04T00:00:00.000Z',
});

/**
 * Serves meeting m1 from `current` and answers each leader request with `next(body)` (the same
 * snapshot, one version on, by default).
 */
export function meetingRoutes(
  initial: MeetingSnapshot,
  next: (path: string, body: unknown, now: MeetingSnapshot) => MeetingSnapshot = (_p, _b, now) => ({
    ...now,
    version: now.version + 1,
  }),
) {
  let current = initial;
  return (server: StaffServer) => {
    server.on('GET', '/meetings/m1', () => jsonReply(200, leaderView(current)));
    server.on('GET', '/meetings/m1/results', () => jsonReply(200, results()));
    server.on('PUT', '/meetings/m1/contributions/([^/]+)/group', (req) => {
      current = next('group', req.body, current);
      return jsonReply(200, leaderView(current));
    });
    for (const path of ['control', 'focus', 'measures', 'review', 'approve']) {
      server.on('POST', `/meetings/m1/${path}`, (req) => {
        current = next(path, req.body, current);
        return jsonReply(200, leaderView(current));
      });
    }
  };
}

export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = 0;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super();
    FakeEventSource.instances.push(this);
  }
  close() {
    this.readyState = 2;
  }
  /** The server sends a snapshot down the stream. */
  push(snap: MeetingSnapshot) {
    act(() => {
      this.readyState = 1;
      this.dispatchEvent(new MessageEvent('snapshot', { data: JSON.stringify(snap) }));
    });
  }
}

export function installEventSource() {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  return {
    /** The one open stream, once the presenter has subscribed. */
    stream: () => {
      const open = FakeEventSource.instances.filter((s) => s.readyState !== 2);
      const last = open[open.length - 1];
      if (!last) throw new Error('no open meeting stream');
      return last;
    },
  };
}
