// What a phone keeps of a meeting contribution it could not send yet. No author, no device id:
// only the client id (the server's idempotency key), the meeting, the phase and the text.
export interface MeetingOutboxRow {
  /** A random UUID made on the phone; the server stores a contribution once per id. */
  id: string;
  meetingId: string;
  phaseId: string;
  text: string;
  /** Device-only, for oldest-first sending; never sent. */
  queuedAt: number;
}
