// How a change to a meeting reaches every screen and phone watching it (issue 13, "Real time, on
// the real engine"). The routes that change a meeting call publish(meetingId) after their
// transaction has committed; each open event stream (Server-Sent Events) subscribes to its
// meeting and, on a signal, reads the snapshot again and sends it. The signal carries only the
// meeting's id, never a contribution: what a viewer may see is always read from the database.
// One process (the embedded SQLite default): the local bus below. Several processes on one
// PostgreSQL: LISTEN/NOTIFY on a dedicated connection (./postgres-bus.ts), chosen by
// ./create-bus.ts.
import { EventEmitter } from 'node:events';

export interface MeetingBus {
  /** Tells every process that the meeting changed. Call it after the change has committed. */
  publish(meetingId: string): Promise<void>;
  /** Calls listener for each change of that meeting in any process; returns the unsubscribe. */
  subscribe(meetingId: string, listener: () => void): () => void;
  /** Stops listening and lets go of any connection the bus holds. */
  close(): Promise<void>;
}

/** The bus of one process: publish reaches this process's subscribers only. */
export function createLocalMeetingBus(): MeetingBus {
  const emitter = new EventEmitter();
  // Every open stream holds one listener: a meeting with a hundred phones is not a leak.
  emitter.setMaxListeners(0);
  return {
    publish: (meetingId) => {
      emitter.emit(meetingId);
      return Promise.resolve();
    },
    subscribe: (meetingId, listener) => {
      emitter.on(meetingId, listener);
      return () => emitter.off(meetingId, listener);
    },
    close: () => {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}
