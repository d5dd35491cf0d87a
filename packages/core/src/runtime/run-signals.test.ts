import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';

describe('request signals', () => {
  it('gives every request its own signal, so listeners an SDK leaves behind do not pile up', async () => {
    const steps = Array.from({ length: 20 }, (_, index) => ({ agent: 'a', input: `step ${index}` }));
    // Like openai 6: a listener added to the request's signal and never removed.
    const harness = runWithMock(chainSpec(steps), (request) => {
      request.signal?.addEventListener('abort', () => undefined);
      return { text: 'ok' };
    });
    await harness.pending;
    const signals = harness.mock.calls.map((call) => call.signal);
    expect(signals).toHaveLength(20);
    expect(new Set(signals).size).toBe(20);
    for (const signal of signals) {
      expect(signal && getEventListeners(signal, 'abort')).toHaveLength(1);
    }
  });
});
