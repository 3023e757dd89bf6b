// `npm run fuzz -- --runs N`: a larger fuzz run than CI's, with a status histogram per database.
// PostgreSQL too when TEST_DATABASE_URL is set. TEST_SEED=<n> draws another set of requests.
import { parseArgs } from 'node:util';
import { TEST_SEED } from '../support/seed';
import { dialectsToRun } from '../chaos/support/databases';
import { formatFuzz, runFuzz } from './support/run-fuzz';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number');

console.log(`fuzz: seed ${TEST_SEED}, ${runs} requests per database`);
let failed = false;
for (const dialect of dialectsToRun()) {
  const r = await runFuzz({ dialect, runs });
  console.log(formatFuzz(r));
  if (
    r.serverErrors.length > 0 ||
    r.uncoded.length > 0 ||
    r.routesMissed.length > 0 ||
    !r.aggregatesMatchRecount ||
    r.unstorable.length > 0 ||
    r.responsesAfter - r.responsesBefore !== r.acceptedByServer
  )
    failed = true;
}
if (!process.env.TEST_DATABASE_URL) console.log('(PostgreSQL skipped: TEST_DATABASE_URL is not set)');
process.exit(failed ? 1 : 0);
