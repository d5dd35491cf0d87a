import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../testing/manual-clock.js';
import { rejectionOf, runWithMock } from './__fixtures__/run-harness.js';
import { chainSpec } from './__fixtures__/test-executors.js';

function specWithBudgets(steps: number, budgets: Record<string, number>) {
  const document = chainSpec(
    Array.from({ length: steps }, (_, index) => ({ agent: 'a', input: `step ${index}` })),
  );
  document.runtime = { provider: 'mock', budgets };
  return document;
}

describe('budgets', () => {
  it('stops the run with exit 20 when max_tokens is exceeded (real usage: 15 per call)', async () => {
    const { pending, mock, events } = runWithMock(specWithBudgets(6, { max_tokens: 50 }));
    const error = await rejectionOf(pending);
    expect(error.exitCode).toBe(20);
    expect(error.message).toBe('Budget exceeded: max_tokens limit is 50, used 60');
    expect(mock.calls).toHaveLength(4);
    expect(events.filter((event) => event.type === 'budget-warning')).toMatchObject([
      { budget: 'max_tokens', limit: 50, used: 45, threshold: 0.8 },
    ]);
  });

  it('stops the run with exit 20 before the invocation past max_steps', async () => {
    const { pending, mock } = runWithMock(specWithBudgets(5, { max_steps: 2 }));
    const error = await rejectionOf(pending);
    expect(error.exitCode).toBe(20);
    expect(error.message).toBe('Budget exceeded: max_steps limit is 2, used 3');
    expect(mock.calls).toHaveLength(2);
  });

  it('warns once at warn_threshold without stopping', async () => {
    const { pending, events } = runWithMock(specWithBudgets(4, { max_steps: 4, warn_threshold: 0.5 }));
    await pending;
    expect(events.filter((event) => event.type === 'budget-warning')).toMatchObject([
      { budget: 'max_steps', limit: 4, used: 2, threshold: 0.5 },
    ]);
  });

  it('stops the run with exit 20 when max_duration_s passes, aborting the request in flight', async () => {
    let clock: ManualClock | undefined;
    const harness = runWithMock(specWithBudgets(5, { max_duration_s: 3 }), (_request, call) => {
      // The first call takes 2 s of fake time; the second hangs until the run's signal aborts it.
      if (call === 0) {
        clock?.advance(2000);
        return 'ok';
      }
      return { hang: true };
    });
    clock = harness.clock;
    const running = rejectionOf(harness.pending);
    while (harness.mock.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
    harness.clock.advance(1500);
    const error = await running;
    expect(error.exitCode).toBe(20);
    expect(error.message).toBe('Budget exceeded: max_duration_s limit is 3, used 3');
    expect(harness.mock.calls).toHaveLength(2);
    expect(harness.events.filter((event) => event.type === 'budget-warning')).toMatchObject([
      { budget: 'max_duration_s', limit: 3 },
    ]);
    expect(harness.tools.closes).toBe(1);
    expect(harness.clock.pendingTimers).toBe(0);
  });
});
