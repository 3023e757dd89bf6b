// The parent's side of the devices: one worker thread each (see device.ts).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DevicePlan } from './world';

export interface DeviceInput {
  plan: DevicePlan;
  proxyUrl: string;
  answers: number;
  round: { id: string; opensOn: string; closesOn: string };
  questionnaireVersion: string;
  statementIds: string[];
  /** The longest pause between two answers. */
  thinkMs: number;
  requestTimeoutMs: number;
  /** After 'final', how long a device keeps trying before it reports what is left. */
  drainTimeoutMs: number;
}

export interface DeviceReport {
  index: number;
  kind: DevicePlan['kind'];
  /** The client UUIDs of every answer submitDraft queued, in order. */
  submitted: string[];
  /** Still in the outbox at the end. */
  pending: number;
  /** The reason code of every answer the server rejected. */
  rejected: string[];
  statuses: Record<string, number>;
  errors: Record<string, number>;
  tally: { accepted: number; duplicate: number; rejected: number };
}

export interface RunningDevice {
  /** Tells the device the server stays up now: send until the outbox is empty. */
  final(): void;
  done: Promise<DeviceReport>;
}

// A worker does not take `--import tsx` from execArgv: it registers tsx's loader itself, then
// imports the device.
const TSX_API = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
);
const BOOT = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { workerData } from 'node:worker_threads';
const { register } = await import(workerData.tsxApi);
register();
await import(workerData.entry);
`)}`,
);
const ENTRY = new URL('./device.ts', import.meta.url).href;

export function startDevice(input: DeviceInput): RunningDevice {
  const worker = new Worker(BOOT, { workerData: { tsxApi: TSX_API.href, entry: ENTRY, input } });
  const done = new Promise<DeviceReport>((resolve, reject) => {
    worker.once('message', (report: DeviceReport) => {
      resolve(report);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`device ${input.plan.index} exited with ${code} before reporting`)),
    );
  });
  return { final: () => worker.postMessage('final'), done };
}
