// Owns the retry delay after failed syncs: exponential with full jitter, so a room of tablets
// coming back online at once does not hit the server in step.

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1), like Math.random. */
  random: () => number;
}

/** Delay before retry number `failures` (1 after the first failure): random in [0, cap). */
export function backoffDelay(failures: number, { baseDelayMs, maxDelayMs, random }: BackoffOptions): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30); // 2^30 already exceeds any cap
  const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** exponent);
  return Math.floor(random() * cap);
}
