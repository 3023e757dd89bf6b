// Which bus a server process uses: see ./bus.ts. The PostgreSQL bus (LISTEN/NOTIFY on a
// dedicated connection) is not written yet; until it is, every process uses the local bus, which
// is right for the embedded SQLite default and for one process on PostgreSQL only.
import type { Database } from '../../db/database';
import { createLocalMeetingBus, type MeetingBus } from './bus';

export function createMeetingBus(_database: Database): MeetingBus {
  return createLocalMeetingBus();
}
