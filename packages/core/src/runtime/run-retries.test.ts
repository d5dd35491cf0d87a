import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../spec/v1/errors.js';
import { rejectionOf, runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';

const throttled = (retryAfterMs?: number) => ({
  error: new ProviderCallError({
    providerId: 'mock',
    kind: 'rate-limit',
    message: 'slow down',
    statusCode: 429,
    retryAfterMs,
  }),
});
const unavailable = {
  error: new ProviderCallError({ providerId: 'mock', kind: 'server', message: 'busy', statusCode: 503 }),
};

function spec(failurePolicy?: Record<string, unknown>) {
  const document = chainSpec([{ agent: 'a', input: 'hello' }]);
  if (failurePolicy) document.runtime = { provider: 'mock', failure_policy: failurePolicy };
  return document;
}

describe('retries (failure_policy)', () => {
  it('retries a retryable error with the default exponential schedule, then succeeds', async () => {
    const { pending, clock, events } = runWithMock(spec(), [unavailable, unavailable, 'finally']);
    const result = await pending;
    expect(result.response).toBe('finally');
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(result.counts).toMatchObject({
      requests: 3,
      retries: 2,
      providers: { mock: { requests: 3, retries: 2 } },
    });
    const retries = events.filter((event) => event.type === 'retry');
    expect(retries.map((event) => [event.attempt, event.maxAttempts, event.delayMs])).toEqual([
      [1, 3, 1000],
      [2, 3, 2000],
    ]);
  });

  it('fails at once on a non-retryable error', async () => {
    const auth = new ProviderCallError({
      providerId: 'mock',
      kind: 'auth',
      message: 'bad key',
      statusCode: 401,
      hint: 'Set MOCK_KEY.',
    });
    const { pending, clock, mock } = runWithMock(spec(), [{ error: auth }, 'never']);
    const error = await rejectionOf(pending);
    // The core names the step and agent; the cause is the same failure with its status named (not
    // every provider's message says it).
    expect(error).toMatchObject({
      message: "step 1 (agent 'a') failed: bad key (HTTP 401)",
      hint: 'Set MOCK_KEY.',
    });
    expect(error.cause).toMatchObject({ kind: 'auth', message: 'bad key (HTTP 401)', hint: 'Set MOCK_KEY.' });
    expect((error.cause as Error).cause).toBe(auth);
    expect(error.exitCode).toBe(10);
    expect(mock.calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry plain errors (only provider errors marked retryable)', async () => {
    const { pending, mock } = runWithMock(spec(), [{ error: new TypeError('bug') }, 'never']);
    await rejectionOf(pending);
    expect(mock.calls).toHaveLength(1);
  });

  it('gives up after retries + 1 attempts with the last error', async () => {
    const { pending, mock, clock } = runWithMock(spec({ retries: 1 }), [unavailable, unavailable, 'never']);
    const error = await rejectionOf(pending);
    expect(error.message).toBe("step 1 (agent 'a') failed: busy (HTTP 503) (gave up after 2 attempts)");
    expect((error as ProviderCallError).hint).toMatch(/failure_policy/);
    expect(error.cause).toMatchObject({ kind: 'server', statusCode: 503 });
    expect(mock.calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("says that nothing was retried when retries is 0, and keeps the provider's own hint", async () => {
    const { pending } = runWithMock(spec({ retries: 0 }), [throttled()]);
    const error = await rejectionOf(pending);
    expect(error.message).toBe(
      "step 1 (agent 'a') failed: slow down (HTTP 429) (not retried: runtime.failure_policy.retries is 0)",
    );
    expect((error as ProviderCallError).hint).toMatch(/max_parallel/);
  });

  it('honours Retry-After', async () => {
    const { pending, clock } = runWithMock(spec(), [throttled(7000), 'ok']);
    await pending;
    expect(clock.sleeps).toEqual([7000]);
  });

  it('waits wait_min every time with constant backoff', async () => {
    const policy = { retries: 3, backoff: 'constant', wait_min: 2, wait_max: 10 };
    const { pending, clock } = runWithMock(spec(policy), [unavailable, unavailable, unavailable, 'ok']);
    await pending;
    expect(clock.sleeps).toEqual([2000, 2000, 2000]);
  });

  it('doubles and caps at wait_max with exponential backoff', async () => {
    const policy = { retries: 4, backoff: 'exponential', wait_min: 1, wait_max: 3 };
    const { pending, clock } = runWithMock(spec(policy), [
      unavailable,
      unavailable,
      unavailable,
      unavailable,
      'ok',
    ]);
    await pending;
    expect(clock.sleeps).toEqual([1000, 2000, 3000, 3000]);
  });

  it('draws a random wait between wait_min and the exponential wait with jittered backoff', async () => {
    const policy = { retries: 3, backoff: 'jittered', wait_min: 0, wait_max: 60 };
    // The harness's random() returns 0.5: half of 1 s, 2 s and 4 s.
    const { pending, clock } = runWithMock(spec(policy), [unavailable, unavailable, unavailable, 'ok']);
    await pending;
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('counts retries per provider in the result', async () => {
    const { pending } = runWithMock(spec(), [throttled(0), 'ok']);
    const result = await pending;
    expect(result.counts.providers).toEqual({ mock: { requests: 2, retries: 1 } });
  });
});
