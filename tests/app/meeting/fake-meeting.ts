// A fake meeting server for the phone's tests: the participant routes of src/shared/api/meetings.ts
// (join by code or token, state, contributions and votes, each client id stored once, as the real
// one does), a switch to take the phone offline, and a fake EventSource the test drives.
import { vi } from 'vitest';
import type { MeetingSnapshot, ParticipantView } from '../../../src/shared/api/meetings';

export const CODE = 'ABCD2345';
export const TOKEN = 'T'.repeat(43);
export const MEETING_ID = 'meeting-1';

export function snapshot(overrides: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return {
    meetingId: MEETING_ID,
    version: 1,
    serverNow: '2026-12-03T14:00:00.000Z',
    template: 'analysis',
    language: 'nb',
    oneDevice: false,
    state: 'open',
    unitId: 'unit-1',
    roundId: 'round-1',
    groups: 2,
    steps: [
      { kind: 'intro', prompt: null, factorId: null, measureId: null, text: null },
      { kind: 'igp', prompt: 'strengths', factorId: null, measureId: null, text: null },
      { kind: 'igp', prompt: 'factor', factorId: 'mestringsklima', measureId: null, text: null },
      { kind: 'vote', prompt: null, factorId: null, measureId: null, text: null },
    ],
    stepIndex: 0,
    phase: null,
    timer: null,
    roles: null,
    participants: 3,
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

/** The strengths round's individual phase, 4:00 of 5:00 left. */
export const WRITING: Partial<MeetingSnapshot> = {
  stepIndex: 1,
  phase: 'individual',
  timer: { running: true, durationSeconds: 300, remainingSeconds: 240, endsAt: '2026-12-03T14:04:00.000Z' },
};

export const VOTING: Partial<MeetingSnapshot> = {
  stepIndex: 3,
  vote: {
    dotsPerPhone: 3,
    voters: 0,
    options: [
      { id: 'mestringsklima', label: 'Mestringsklima', dots: 0 },
      { id: 'rolleklarhet', label: 'Rolleklarhet', dots: 0 },
    ],
  },
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const refusal = (status: number, code: string, headers?: Record<string, string>) =>
  json(status, { error: { code, message: code } }, headers);

export function fakeMeeting(start: Partial<MeetingSnapshot> = {}) {
  const server = {
    snapshot: snapshot(start),
    me: { remainingContributions: 8, remainingDots: 3 },
    online: true,
    joined: false,
    /** Refuse the next joins with this (status, code, headers). */
    joinRefusal: null as null | { status: number; code: string; headers?: Record<string, string> },
    /** Lose the reply of the next vote (stored, but the phone hears nothing). */
    loseNextVoteReply: false,
    joins: [] as unknown[],
    contributionPosts: [] as { clientId: string; text: string }[],
    contributions: new Map<string, string>(),
    votePosts: [] as { clientId: string; dots: Record<string, number> }[],
    votes: new Map<string, Record<string, number>>(),
  };
  const view = (): ParticipantView => ({ snapshot: server.snapshot, me: { ...server.me } });
  const offline = () => {
    throw new TypeError('Failed to fetch');
  };
  const body = (init?: RequestInit): unknown => JSON.parse(init?.body as string);

  const replies: Record<string, (init?: RequestInit) => Response> = {
    '/meetings/live/join': (init) => {
      if (!server.online) return offline();
      server.joins.push(body(init));
      if (server.joinRefusal) {
        const { status, code, headers } = server.joinRefusal;
        return refusal(status, code, headers);
      }
      const sent = body(init) as { code?: string; token?: string };
      if (sent.code !== undefined && sent.code !== CODE) return refusal(404, 'MEETING_CODE_INVALID');
      if (sent.token !== undefined && sent.token !== TOKEN) return refusal(404, 'MEETING_CODE_INVALID');
      server.joined = true;
      return json(200, view());
    },
    '/meetings/live/state': () => {
      if (!server.online) return offline();
      if (!server.joined) return refusal(401, 'MEETING_NOT_JOINED');
      return json(200, view());
    },
    '/meetings/live/contributions': (init) => {
      if (!server.online) return offline();
      const sent = body(init) as { clientId: string; text: string };
      server.contributionPosts.push(sent);
      if (server.snapshot.state === 'closed') return refusal(409, 'MEETING_CLOSED');
      if (server.snapshot.phase !== 'individual' && server.snapshot.phase !== 'individualAfter') {
        return refusal(409, 'MEETING_WRONG_STEP');
      }
      const isNew = !server.contributions.has(sent.clientId);
      if (isNew) {
        server.contributions.set(sent.clientId, sent.text);
        server.me.remainingContributions -= 1;
      }
      return json(200, { stored: isNew, remainingContributions: server.me.remainingContributions });
    },
    '/meetings/live/votes': (init) => {
      if (!server.online) return offline();
      const sent = body(init) as { clientId: string; dots: Record<string, number> };
      server.votePosts.push(sent);
      if (!server.votes.has(sent.clientId)) {
        server.votes.set(sent.clientId, sent.dots);
        server.me.remainingDots -= Object.values(sent.dots).reduce((a, b) => a + b, 0);
      }
      if (server.loseNextVoteReply) {
        server.loseNextVoteReply = false;
        return offline();
      }
      return json(200, view());
    },
  };
  return { server, replies };
}

/** The browser's EventSource, driven by the test. */
export class FakeSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static all: FakeSource[] = [];
  readyState = 0;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super();
    FakeSource.all.push(this);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  send(data: MeetingSnapshot) {
    this.dispatchEvent(new MessageEvent('snapshot', { data: JSON.stringify(data) }));
  }
  /** The connection drops; the browser keeps retrying by itself (readyState CONNECTING). */
  drop() {
    this.readyState = 0;
    this.dispatchEvent(new Event('error'));
  }
}

export function installFakeSource() {
  FakeSource.all = [];
  vi.stubGlobal('EventSource', FakeSource);
  return {
    latest: (): FakeSource => {
      const source = FakeSource.all.at(-1);
      if (!source) throw new Error('no EventSource was opened');
      return source;
    },
  };
}
