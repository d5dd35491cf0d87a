import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, maxRetryAfterMs, retryDelayMs, retryPolicyFromSpec } from './retry-policy.js';

describe('retryPolicyFromSpec', () => {
  it('uses the strands-cli defaults without a failure_policy', () => {
    expect(retryPolicyFromSpec(undefined)).toEqual(defaultRetryPolicy);
    expect(defaultRetryPolicy).toEqual({
      maxAttempts: 3,
      backoff: 'exponential',
      waitMinMs: 1000,
      waitMaxMs: 60000,
    });
  });

  it('maps retries to attempts and seconds to milliseconds', () => {
    expect(retryPolicyFromSpec({ retries: 4, backoff: 'constant', wait_min: 2, wait_max: 5 })).toEqual({
      maxAttempts: 5,
      backoff: 'constant',
      waitMinMs: 2000,
      waitMaxMs: 5000,
    });
    expect(retryPolicyFromSpec({ retries: 0 }).maxAttempts).toBe(1);
  });
});

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 6, backoff: 'exponential', waitMinMs: 1000, waitMaxMs: 5000 } as const;

  it('doubles from one second and caps at wait_max for exponential', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt, undefined))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
  });

  it('raises short waits to wait_min for exponential', () => {
    const slow = { ...policy, waitMinMs: 3000 };
    expect(retryDelayMs(slow, 1, undefined)).toBe(3000);
  });

  it('waits wait_min every time for constant', () => {
    const constant = { ...policy, backoff: 'constant' as const, waitMinMs: 1500 };
    expect([1, 2, 3].map((attempt) => retryDelayMs(constant, attempt, undefined))).toEqual([
      1500, 1500, 1500,
    ]);
  });

  it('picks a random wait between wait_min and the exponential wait for jittered', () => {
    const jittered = { ...policy, backoff: 'jittered' as const, waitMinMs: 0 };
    expect(retryDelayMs(jittered, 3, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(jittered, 3, undefined, () => 0.5)).toBe(2000);
    expect(retryDelayMs(jittered, 3, undefined, () => 0.999)).toBeLessThanOrEqual(4000);
  });

  it('honours Retry-After over the schedule, up to the cap', () => {
    expect(retryDelayMs(policy, 1, 7000)).toBe(7000);
    expect(retryDelayMs(policy, 1, 0)).toBe(0);
    expect(retryDelayMs(policy, 1, 10 * maxRetryAfterMs)).toBe(maxRetryAfterMs);
  });
});
