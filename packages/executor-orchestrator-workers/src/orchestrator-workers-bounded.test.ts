import { describe, expect, it } from 'vitest';
import { runBounded } from './orchestrator-workers-bounded.js';

/** Tasks that each wait for the test to release them, counting how many run at once. */
function gatedTasks(count: number) {
  let running = 0;
  let most = 0;
  const releases: Array<() => void> = [];
  const tasks = Array.from({ length: count }, (_, index) => async () => {
    running++;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running--;
    return index;
  });
  return { tasks, releases, most: () => most };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('runBounded', () => {
  it('never runs more than the limit at once and keeps the order of results', async () => {
    const gated = gatedTasks(5);
    const done = runBounded(gated.tasks, 2, new AbortController().signal);
    for (let released = 0; released < 5; released++) {
      await settle();
      gated.releases.shift()?.();
    }
    expect(await done).toEqual([0, 1, 2, 3, 4]);
    expect(gated.most()).toBe(2);
  });

  it('hands waiting tasks an aborted signal after a failure', async () => {
    const seen: boolean[] = [];
    const tasks = [
      async () => {
        throw new Error('boom');
      },
      async (signal: AbortSignal) => {
        seen.push(signal.aborted);
        return 1;
      },
    ];
    await expect(runBounded(tasks, 1, new AbortController().signal)).rejects.toThrow('boom');
    expect(seen).toEqual([true]);
  });
});
