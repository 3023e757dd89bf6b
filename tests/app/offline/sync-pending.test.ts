// Every batch tells the server how many answers still wait on the device besides it (a count only),
// so a kiosk revoked later may deliver exactly those (issue 10; the server's side is
// tests/server/kiosks-revoked.test.ts), and the day the device thinks it is.
import { beforeEach, expect, it } from 'vitest';
import type { IngestRequest } from '../../../src/shared/api/respondent';
import { drainOutbox } from '../../../src/app/offline/sync-pass';
import { osloDate } from '../../../src/shared/dates';
import { createFakeServer, seedOutbox, useFreshDb } from './fakes';

beforeEach(useFreshDb);

it('sends with each batch the number of answers waiting besides it', async () => {
  const server = createFakeServer();
  const pending: (number | undefined)[] = [];
  const recording: typeof fetch = (input, init) => {
    pending.push((JSON.parse(init?.body as string) as IngestRequest).pending);
    return server.fetch(input, init);
  };
  await seedOutbox(230);

  const outcome = await drainOutbox({ fetch: recording, now: () => 5_000, requestTimeoutMs: 1_000 });

  expect(outcome).toMatchObject({ status: 'synced', accepted: 230, remaining: 0 });
  expect(pending).toEqual([130, 30, 0]);
});

it("sends with each batch the day the device thinks it is, so the server can correct its clock's error", async () => {
  const server = createFakeServer();
  const days: (string | undefined)[] = [];
  const recording: typeof fetch = (input, init) => {
    days.push((JSON.parse(init?.body as string) as IngestRequest).deviceToday);
    return server.fetch(input, init);
  };
  await seedOutbox(3);

  await drainOutbox({ fetch: recording, now: () => 5_000, requestTimeoutMs: 1_000 });

  expect(days).toEqual([osloDate()]);
});
