// A job that runs at start and then every interval in this process (the meeting purge, retention):
// one run at a time (a slow run delays the next rather than overlapping it), a failed run reported
// and the next one tried, and stop() waiting for a run under way so the database can close after.
// Whether several processes may run it at once is the job's own business (its locks or claims).

export interface RepeatingJob {
  /** Stops the timer and waits for a run under way. */
  stop(): Promise<void>;
}

export function startRepeating(
  work: () => Promise<unknown>,
  options: { intervalMs: number; onError: (error: unknown) => void },
): RepeatingJob {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = running.then(work).then(
      () => undefined,
      (error: unknown) => options.onError(error),
    );
  };
  run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
