// A meeting contribution goes through this outbox whether the phone is online or not: it is
// stored first (strict durability, db.ts), then sent, then deleted once the server has it. The
// client id makes the send idempotent, so a reply lost on a flaky network and the resend that
// follows still give the meeting one contribution. One flush runs at a time per page.
import type { MeetingOutboxRow } from './meeting-outbox-row';
import { withDb } from './db';

export type { MeetingOutboxRow } from './meeting-outbox-row';

/**
 * What the sender reports for one row: 'stored' (taken, or already taken earlier under the same
 * id), 'refused' (the server will never take it: phase closed, too long, meeting over; dropped so
 * it is not retried forever). A thrown error means "try again later" (offline, 5xx, rate limit).
 */
export type SendResult = 'stored' | 'refused';
export type MeetingSender = (row: Omit<MeetingOutboxRow, 'queuedAt'>) => Promise<SendResult>;

export interface FlushSummary {
  stored: number;
  refused: number;
  left: number;
}

function newId(): string {
  return crypto.randomUUID();
}

/** Keeps a contribution on the phone and returns its client id. */
export async function queueContribution(
  meetingId: string,
  phaseId: string,
  text: string,
  now: number = Date.now(),
): Promise<string> {
  const row: MeetingOutboxRow = { id: newId(), meetingId, phaseId, text, queuedAt: now };
  await withDb((db) => db.meetingOutbox.put(row));
  return row.id;
}

/** The contributions of one meeting not yet sent, oldest first. */
export async function pendingContributions(meetingId: string): Promise<MeetingOutboxRow[]> {
  const rows = await withDb((db) => db.meetingOutbox.where('meetingId').equals(meetingId).toArray());
  return rows.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Forgets every waiting contribution of a meeting (it ended, or the phone left it). */
export async function dropMeeting(meetingId: string): Promise<void> {
  await withDb((db) => db.meetingOutbox.where('meetingId').equals(meetingId).delete());
}

let running: Promise<FlushSummary> | null = null;

/**
 * Sends what waits for a meeting, oldest first, and stops at the first failure that may pass
 * (the rest would fail the same way). A second call while one runs joins it instead of sending
 * the same rows again.
 */
export function flushMeetingOutbox(meetingId: string, send: MeetingSender): Promise<FlushSummary> {
  running ??= (async () => {
    const summary: FlushSummary = { stored: 0, refused: 0, left: 0 };
    const rows = await pendingContributions(meetingId);
    for (const [i, row] of rows.entries()) {
      const wire = { id: row.id, meetingId: row.meetingId, phaseId: row.phaseId, text: row.text };
      let result: SendResult;
      try {
        result = await send(wire);
      } catch {
        summary.left = rows.length - i;
        break;
      }
      summary[result] += 1;
      await withDb((db) => db.meetingOutbox.delete(wire.id));
    }
    return summary;
  })().finally(() => {
    running = null;
  });
  return running;
}
