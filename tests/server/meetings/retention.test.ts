// The scheduled purge of meetings never approved (issue 13, src/server/meetings/retention.ts), on
// both databases: with no request to any meeting route, a meeting's phones and contributions are
// gone once it expired more than retentionDays ago, and a meeting still within them keeps its own;
// the deletion is logged once, however many processes purge at the same moment.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMeetingPurge } from '../../../src/server/meetings/retention';
import { MEETING_LIMITS } from '../../../src/shared/meetings';
import { describeEachDatabase } from '../support/databases';
import { IDS, leader, meetingWorld, type MeetingWorld } from './world';

describeEachDatabase('the scheduled purge of expired meetings', (dialect) => {
  let world: MeetingWorld;
  beforeAll(async () => {
    world = await meetingWorld(dialect);
  });
  afterAll(() => world.env.dispose());

  /** A meeting in its strengths round with one phone that wrote one contribution. */
  async function meetingWithInput() {
    const m = leader(
      await world.as.heimly.post('/meetings', {
        roundId: IDS.earlierRound,
        unitId: IDS.heimly,
        template: 'analysis',
        candidateFactors: ['autonomi'],
        groups: 1,
        oneDevice: false,
      }),
    );
    const id = m.snapshot.meetingId;
    for (let i = 0; i < 2; i++) await world.as.heimly.post(`/meetings/${id}/control`, { action: 'next' });
    const phone = world.phone();
    expect((await phone.join({ code: m.code! })).statusCode).toBe(200);
    const res = await phone.post('/meetings/live/contributions', {
      clientId: randomUUID(),
      text: 'Godt lag',
    });
    expect(res.statusCode, res.body).toBe(200);
    return m;
  }

  const rows = async (meetingId: string) => ({
    phones: (
      await world.env.database.kysely
        .selectFrom('meeting_participants')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .execute()
    ).length,
    contributions: (
      await world.env.database.kysely
        .selectFrom('meeting_contributions')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .execute()
    ).length,
  });

  it('deletes the input of a meeting expired longer than the retention, and only that', async () => {
    const old = await meetingWithInput();
    world.clock.now = new Date(Date.parse(old.expiresAt) + 1000);
    const recent = await meetingWithInput();
    expect(await rows(old.snapshot.meetingId)).toEqual({ phones: 1, contributions: 1 });

    // The old one expired retentionDays and a minute ago, the recent one a minute less long.
    world.clock.now = new Date(
      Date.parse(old.expiresAt) + MEETING_LIMITS.retentionDays * 86_400_000 + 60_000,
    );
    const errors: unknown[] = [];
    // Two processes' purges at the same moment: the meeting is purged, and logged, once.
    const purges = [0, 1].map(() =>
      startMeetingPurge({
        database: world.env.database,
        now: () => world.clock.now,
        onError: (error) => errors.push(error),
        intervalMs: 3_600_000,
      }),
    );
    // stop() waits for the run made at start.
    await Promise.all(purges.map((purge) => purge.stop()));
    expect(errors).toEqual([]);
    // The deletion is in the audit log, by nobody (the schedule), with the count and no text.
    const logged = await world.env.database.kysely
      .selectFrom('audit_log')
      .select(['actor_id', 'unit_id', 'round_id', 'detail'])
      .where('action', '=', 'retention.meetings_deleted')
      .execute();
    expect(logged).toEqual([
      { actor_id: null, unit_id: IDS.heimly, round_id: IDS.earlierRound, detail: '1' },
    ]);
    expect(await rows(old.snapshot.meetingId)).toEqual({ phones: 0, contributions: 0 });
    expect(await rows(recent.snapshot.meetingId)).toEqual({ phones: 1, contributions: 1 });
    // What is left of the old meeting is its row without code or token: nobody joins it again.
    const kept = await world.env.database.kysely
      .selectFrom('meetings')
      .select(['code_hash', 'token_hash'])
      .where('id', '=', old.snapshot.meetingId)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ code_hash: null, token_hash: null });
  });
});
