// One API server process for tests that need real, separate processes (two-processes.test.ts):
// the server `npm start` runs (src/server/server.ts startServer: migrate, check the keys, the
// release scheduler, listen), with nothing of the PWA, configured only by the environment
// (DATABASE_URL, PORT, HOST, CODE_HASH_KEY, SEAL_KEY, DATA_DIR, TRUST_PROXY, LOG_LEVEL, …).
// It prints "is running: open <url>" once it listens, and closes on SIGTERM/SIGINT.
// Run it with `node --import tsx tests/server/support/process-server.ts`.
import { failStart, startServer } from '../../../src/server/server';

await startServer({ staticDir: null }).catch(failStart);
