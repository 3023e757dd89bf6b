// Starts the real server (built PWA + API) on a free port with an empty SQLite folder, the way
// `npm start` does, for one end-to-end test file.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src/server/server';
import { defaultSealKeyFile } from '../../../src/server/release/seal-key';

const DIST = join(import.meta.dirname, '..', '..', '..', 'dist');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface TestServer extends RunningServer {
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('Build the PWA first (npm run build); npm test does it.');
  process.env.LOG_LEVEL ??= 'warn';
  const dataDir = mkdtempSync(join(tmpdir(), 'tifaktor-e2e-'));
  const port = await freePort();
  const running = await startServer({
    port,
    host: '127.0.0.1',
    dataDir,
    staticDir: DIST,
    handleSignals: false,
  });
  return {
    ...running,
    dataDir,
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
      // The seal key lives beside DATA_DIR, not in it (src/server/release/seal-key.ts).
      rmSync(defaultSealKeyFile(dataDir), { force: true });
    },
  };
}
