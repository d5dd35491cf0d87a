import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderCallError, RunCancelledError } from '../spec/v1/errors.js';
import { rejectionOf, runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';

const twoSteps = (extra: Record<string, unknown> = {}) =>
  chainSpec(
    [
      { agent: 'a', input: 'one' },
      { agent: 'a', input: 'two' },
    ],
    { outputs: { artifacts: [{ path: 'result.md', from: '{{ last_response }}' }] }, ...extra },
  );

describe('cancellation', () => {
  it('aborts the request in flight, writes no artifact, closes everything and exits 130', async () => {
    const out = await mkdtemp(join(tmpdir(), 'strands-cancel-'));
    const controller = new AbortController();
    const harness = runWithMock(twoSteps(), ['first', { hang: true }], { out, signal: controller.signal });
    while (harness.mock.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new RunCancelledError('Interrupted by SIGINT'));
    const error = await rejectionOf(harness.pending);
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe('Interrupted by SIGINT');
    expect(harness.mock.calls[1]?.signal?.aborted).toBe(true);
    expect(await readdir(out)).toEqual([]);
    expect(harness.tools.closes).toBe(1);
    expect(harness.events.at(-1)).toMatchObject({ type: 'run-end', ok: false });
    expect(harness.events.find((event) => event.type === 'step-end' && !event.ok)).toMatchObject({
      cancelled: true,
    });
    // The pooled client is released by the pool's close (the CLI calls closeClientPool()).
    expect(harness.mock.stats.open).toBe(1);
    await harness.pool.close();
    expect(harness.mock.stats).toEqual({ creates: 1, closes: 1, open: 0 });
  });

  it('turns a plain abort reason into a cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    const harness = runWithMock(twoSteps(), undefined, { signal: controller.signal });
    const error = await rejectionOf(harness.pending);
    expect(error.exitCode).toBe(130);
    expect(harness.mock.calls).toHaveLength(0);
    expect(harness.tools.closes).toBe(1);
  });

  it('interrupts a retry wait', async () => {
    const controller = new AbortController();
    const busy = new ProviderCallError({ providerId: 'mock', kind: 'server', message: 'busy' });
    const harness = runWithMock(twoSteps(), [{ error: busy }, 'never'], {
      signal: controller.signal,
      clock: {
        now: () => 0,
        setTimer: () => () => undefined,
        sleep: (_ms, signal) =>
          new Promise((_, reject) => {
            signal?.addEventListener('abort', () => reject(signal.reason));
            controller.abort(new RunCancelledError());
          }),
      },
    });
    const error = await rejectionOf(harness.pending);
    expect(error.exitCode).toBe(130);
    expect(harness.mock.calls).toHaveLength(1);
  });

  it('aborts running siblings when one branch fails, and reports the first failure', async () => {
    const document = chainSpec([
      { agent: 'a', input: 'fails' },
      { agent: 'b', input: 'hangs' },
      { agent: 'c', input: 'hangs' },
    ]);
    (document.pattern as { type: string }).type = 'parallel';
    const harness = runWithMock(document, async (request) => {
      const input = request.messages[0]?.role === 'user' ? request.messages[0].content : '';
      if (input === 'fails') {
        await new Promise((resolve) => setImmediate(resolve));
        return { error: new Error('branch a broke') };
      }
      return { hang: true };
    });
    const error = await rejectionOf(harness.pending);
    // The first failure, named by the core: its step and agent.
    expect(error.message).toBe("branch 1 (agent 'a') failed: branch a broke");
    // The two calls still running were cancelled through the signal their request carried.
    const hanging = harness.mock.calls.filter(
      (call) => call.messages[0]?.role === 'user' && call.messages[0].content === 'hangs',
    );
    expect(hanging).toHaveLength(2);
    expect(hanging.every((call) => call.signal?.aborted === true)).toBe(true);
    const ends = harness.events.filter((event) => event.type === 'step-end' && !event.ok);
    expect(ends).toHaveLength(3);
    // Only the branch that broke is a failure; the two it stopped are marked cancelled.
    expect(ends.filter((event) => event.type === 'step-end' && event.cancelled === true)).toHaveLength(2);
  });
});
