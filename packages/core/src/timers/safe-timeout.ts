/**
 * Node keeps timer delays in a signed 32-bit integer: a delay over 2^31-1 ms (about 24.8 days) is
 * silently replaced by 1 ms, so a generous limit would fire at once. Every delay that comes from a spec,
 * an environment variable or a flag goes through {@link safeTimeoutMs} before it reaches `setTimeout`,
 * `AbortSignal.timeout` or an HTTP client's timeout.
 */

/** The longest delay a Node timer can hold, in milliseconds (2^31-1). */
export const maxTimerMs = 2 ** 31 - 1;

/** The longest delay a Node timer can hold, in whole seconds (for limits written in seconds). */
export const maxTimerSeconds = Math.floor(maxTimerMs / 1000);

/**
 * `ms` as a delay a Node timer keeps: at most {@link maxTimerMs} (a longer wait is as good as
 * "never" for a run), at least 0; a value that is not a number means "never" too, never "at once".
 */
export function safeTimeoutMs(ms: number): number {
  if (Number.isNaN(ms)) return maxTimerMs;
  return Math.min(maxTimerMs, Math.max(0, ms));
}
