// One device in its own worker thread, so it has its own fake IndexedDB (fake-indexeddb/auto in
// this thread's globals) and its own copy of the app's offline modules: a tablet or phone of its
// own. It answers through the app's code (drafts → submitDraft → the outbox → drainOutbox over
// the respondent client), sending through the chaos proxy now and then while it answers, and once
// the parent says the server will stay up ('final'), until its outbox is empty.
import 'fake-indexeddb/auto';
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../../src/app/offline/db';
import { saveAnswer, saveBackground, saveOpenText, startDraft } from '../../../src/app/offline/drafts';
import { saveKiosk, withKioskCredential } from '../../../src/app/offline/kiosk';
import { listRejected, pendingCount, submitDraft } from '../../../src/app/offline/outbox';
import { drainOutbox, type SyncOutcome } from '../../../src/app/offline/sync-pass';
import type { LikertValue } from '../../../src/shared/likert';
import { seededBytes, seededUuid } from '../../support/seed';
import { seededRandom } from './random';
import type { DeviceInput, DeviceReport } from './devices';

const input = (workerData as { input: DeviceInput }).input;
const { plan } = input;
const random = seededRandom(`chaos-device-${plan.index}`);
const uuidBytes = seededBytes(`chaos-uuid-${plan.index}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let final = false;
parentPort!.on('message', (message: unknown) => {
  if (message === 'final') final = true;
});

openDb(`tifaktor-chaos-${plan.index}`);
const toProxy: typeof fetch = (path, init) => fetch(new URL(path as string, input.proxyUrl), init);
let deviceFetch = toProxy;
if (plan.kind === 'kiosk') {
  await saveKiosk({
    credential: plan.credential,
    kiosk: {
      id: plan.kioskId,
      label: `Nettbrett ${plan.index}`,
      unit: { id: plan.unitId, name: 'Kioskavdeling' },
      openKiosk: true,
      round: { ...input.round, name: 'Kaosrunde', status: 'open' },
      revokedOn: null,
    },
  });
  deviceFetch = withKioskCredential(toProxy);
}

const statuses: Record<SyncOutcome['status'], number> = {
  synced: 0,
  'nothing-to-send': 0,
  'skipped-locked': 0,
  'skipped-offline': 0,
  failed: 0,
};
const errors: Record<string, number> = {};
const tally = { accepted: 0, duplicate: 0, rejected: 0 };

async function pass(): Promise<SyncOutcome> {
  const outcome = await drainOutbox({
    fetch: deviceFetch,
    now: Date.now,
    requestTimeoutMs: input.requestTimeoutMs,
  });
  statuses[outcome.status] += 1;
  if (outcome.error) errors[outcome.error.code] = (errors[outcome.error.code] ?? 0) + 1;
  tally.accepted += outcome.accepted;
  tally.duplicate += outcome.duplicate;
  tally.rejected += outcome.rejected;
  return outcome;
}

const round = {
  id: input.round.id,
  questionnaireVersion: input.questionnaireVersion,
  unit: { id: plan.unitId },
};
const submitted: string[] = [];
for (let i = 0; i < input.answers; i++) {
  await startDraft(round, 'nb', plan.kind === 'code' ? { code: plan.codes[i]! } : {});
  for (const statementId of input.statementIds) {
    const skip = random() < 0.1;
    await saveAnswer(statementId, skip ? null : ((1 + Math.floor(random() * 5)) as LikertValue));
  }
  if (random() < 0.5) await saveBackground('gender', random() < 0.5 ? 'female' : 'male');
  if (random() < 0.2) await saveOpenText(`svar ${i}`);
  // The draft keeps only a proof of its code: the code goes in with the send, as the app does.
  const code = plan.kind === 'code' ? { code: plan.codes[i]! } : {};
  submitted.push(await submitDraft({ newId: () => seededUuid(uuidBytes), ...code }));
  // A device sends right after a submit when it can; not every time here, so batches grow too.
  if (random() < 0.3) await pass();
  await sleep(Math.floor(random() * input.thinkMs));
}

// After a failure a device waits longer each time (jittered, up to 2 s), as sync.ts's backoff does.
let giveUpAt = Number.POSITIVE_INFINITY;
let failures = 0;
for (;;) {
  const outcome = await pass();
  if (final && giveUpAt === Number.POSITIVE_INFINITY) giveUpAt = Date.now() + input.drainTimeoutMs;
  if (outcome.remaining === 0 && final) break;
  if (Date.now() > giveUpAt) break;
  failures = outcome.status === 'failed' ? failures + 1 : 0;
  const wait = outcome.remaining === 0 ? 100 : Math.min(2_000, 25 * 2 ** failures);
  await sleep(wait / 2 + Math.floor(random() * (wait / 2)));
}

const report: DeviceReport = {
  index: plan.index,
  kind: plan.kind,
  submitted,
  pending: await pendingCount(),
  rejected: (await listRejected()).map((r) => r.code),
  statuses,
  errors,
  tally,
};
parentPort!.postMessage(report);
