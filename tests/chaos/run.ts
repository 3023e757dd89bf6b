// `npm run chaos`: a larger chaos run than CI's, printed per database.
//   npm run chaos -- --devices 20 --answers 500 --kills 8
// PostgreSQL too when TEST_DATABASE_URL is set. TEST_SEED=<n> replays or explores another seed.
import { parseArgs } from 'node:util';
import { TEST_SEED } from '../support/seed';
import { dialectsToRun } from './support/databases';
import { formatChaos, runChaos } from './support/run-chaos';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '20' },
    answers: { type: 'string', default: '500' },
    kills: { type: 'string', default: '8' },
    'up-ms': { type: 'string', default: '3000' },
    /** One database only: sqlite or postgres. */
    db: { type: 'string' },
  },
});
const int = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};

console.log(
  `chaos: seed ${TEST_SEED}, ${values.devices} devices × ${values.answers} answers, ${values.kills} kills`,
);
let failed = false;
for (const dialect of dialectsToRun().filter((d) => values.db === undefined || d === values.db)) {
  const result = await runChaos({
    dialect,
    devices: int('devices', values.devices),
    answers: int('answers', values.answers),
    kills: int('kills', values.kills),
    upMs: int('up-ms', values['up-ms']),
  });
  console.log(formatChaos(result));
  const ok =
    result.stored === result.submitted &&
    result.rows === result.submitted &&
    result.duplicates === 0 &&
    result.aggregatesMatchRecount &&
    result.pending === 0 &&
    result.rejected.length === 0;
  if (!ok) {
    failed = true;
    console.log(`  the server's last output:\n${result.serverOutput}`);
  }
}
if (!process.env.TEST_DATABASE_URL) console.log('(PostgreSQL skipped: TEST_DATABASE_URL is not set)');
process.exit(failed ? 1 : 0);
