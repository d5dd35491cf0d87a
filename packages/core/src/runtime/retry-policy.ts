import type { RuntimeSpec } from '../spec-file/schema/workflow-spec.js';

/** How a failed model request is retried (`runtime.failure_policy`), in milliseconds. */
export interface RetryPolicy {
  /** Attempts in total, including the first (`retries + 1`). */
  readonly maxAttempts: number;
  readonly backoff: 'constant' | 'exponential' | 'jittered';
  readonly waitMinMs: number;
  readonly waitMaxMs: number;
}

/** Defaults when the spec sets no `failure_policy` (strands-cli: 3 attempts, 1–60 s, exponential). */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  backoff: 'exponential',
  waitMinMs: 1_000,
  waitMaxMs: 60_000,
};

/** The longest `Retry-After` we wait for; a server asking for more gets this much. */
export const maxRetryAfterMs = 300_000;

/** Builds the policy from `runtime.failure_policy` (already validated: `wait_min <= wait_max`). */
export function retryPolicyFromSpec(failurePolicy: RuntimeSpec['failure_policy']): RetryPolicy {
  if (!failurePolicy) return defaultRetryPolicy;
  const retries = failurePolicy.retries ?? 2;
  const waitMinMs = (failurePolicy.wait_min ?? 1) * 1000;
  const waitMaxMs = Math.max(waitMinMs, (failurePolicy.wait_max ?? 60) * 1000);
  return {
    maxAttempts: retries + 1,
    backoff: failurePolicy.backoff ?? 'exponential',
    waitMinMs,
    waitMaxMs,
  };
}

/**
 * The wait before retrying after failed attempt `attempt` (1-based).
 * - `constant`: always `wait_min`.
 * - `exponential`: 1 s, 2 s, 4 s, ... clamped to [`wait_min`, `wait_max`] (strands-cli's schedule).
 * - `jittered`: a uniformly random wait between `wait_min` and the exponential wait ("full jitter"),
 *   so that many clients throttled together do not retry together.
 * A server's `Retry-After` replaces the schedule (up to {@link maxRetryAfterMs}).
 * @param random returns a number in [0, 1); injected for tests.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return Math.min(retryAfterMs, maxRetryAfterMs);
  }
  const exponential = clamp(1000 * 2 ** (attempt - 1), policy.waitMinMs, policy.waitMaxMs);
  switch (policy.backoff) {
    case 'constant':
      return policy.waitMinMs;
    case 'jittered':
      return Math.round(policy.waitMinMs + random() * (exponential - policy.waitMinMs));
    default:
      return exponential;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
