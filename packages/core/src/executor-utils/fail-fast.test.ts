import { describe, expect, it } from 'vitest';
import { runFailFast } from './fail-fast.js';

/** A task that resolves only when released, and rejects with an abort error when its signal aborts. */
function pending<T>(value: T) {
  const state = { aborted: false, settled: false, release: (): void => undefined };
  const task = (signal: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      state.release = () => {
        state.settled = true;
        resolve(value);
      };
      signal.addEventListener('abort', () => {
        state.aborted = true;
        // Settle a tick later so the test can see that runFailFast waits for it.
        setImmediate(() => {
          state.settled = true;
          reject(new Error('aborted'));
        });
      });
    });
  return { task, state };
}

describe('runFailFast', () => {
  it('returns every result in order', async () => {
    const results = await runFailFast(
      [async () => 1, async () => 2, async () => 3],
      new AbortController().signal,
    );
    expect(results).toEqual([1, 2, 3]);
  });

  it('returns an empty list for no tasks', async () => {
    expect(await runFailFast([], new AbortController().signal)).toEqual([]);
  });

  it('aborts siblings on the first failure, waits for them, rethrows the first error', async () => {
    const a = pending('a');
    const b = pending('b');
    const boom = new Error('boom');
    const run = runFailFast<string>(
      [
        a.task,
        async () => {
          throw boom;
        },
        b.task,
      ],
      new AbortController().signal,
    );
    await expect(run).rejects.toBe(boom);
    expect(a.state.aborted).toBe(true);
    expect(b.state.aborted).toBe(true);
    expect(a.state.settled && b.state.settled).toBe(true);
  });

  it('keeps the first error when siblings fail afterwards with their own errors', async () => {
    const first = new Error('first');
    const run = runFailFast(
      [
        async () => {
          throw first;
        },
        (signal) =>
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('second')))),
      ],
      new AbortController().signal,
    );
    await expect(run).rejects.toBe(first);
  });

  it('aborts every task when the parent signal aborts and rethrows its reason', async () => {
    const parent = new AbortController();
    const a = pending('a');
    const b = pending('b');
    const run = runFailFast([a.task, b.task], parent.signal);
    const reason = new Error('cancelled');
    parent.abort(reason);
    await expect(run).rejects.toBe(reason);
    expect(a.state.aborted && b.state.aborted).toBe(true);
  });

  it('hands already-aborted signals to tasks when the parent is aborted before the start', async () => {
    const parent = new AbortController();
    const reason = new Error('early');
    parent.abort(reason);
    const seen: boolean[] = [];
    const run = runFailFast(
      [
        async (signal) => {
          seen.push(signal.aborted);
          return 1;
        },
      ],
      parent.signal,
    );
    await expect(run).rejects.toBe(reason);
    expect(seen).toEqual([true]);
  });

  it('does not abort siblings when everything succeeds', async () => {
    const a = pending('a');
    const run = runFailFast([a.task, async () => 'b'], new AbortController().signal);
    a.state.release();
    expect(await run).toEqual(['a', 'b']);
    expect(a.state.aborted).toBe(false);
  });
});
