// Which bus a server process uses (see ./bus.ts and ./README.md): on PostgreSQL, LISTEN/NOTIFY on a
// dedicated connection, so a change made in one process reaches the streams of every other; on
// the embedded SQLite default there is one process only, and the local bus is all it needs.
import type { Database } from '../../db/database';
import { createLocalMeetingBus, type MeetingBus } from './bus';
import { createPostgresMeetingBus } from './postgres-bus';

export function createMeetingBus(
  database: Database,
  log?: (message: string, error?: unknown) => void,
): MeetingBus {
  if (database.dialect === 'postgres') {
    // A local bus here would leave every other process's streams deaf: no quiet fallback.
    if (database.postgresClientConfig === undefined) throw new Error('PostgreSQL without its settings');
    return createPostgresMeetingBus({
      clientConfig: database.postgresClientConfig,
      kysely: database.kysely,
      ...(log && { log }),
    });
  }
  return createLocalMeetingBus();
}
