import { type FailFastTask, runFailFast } from '@strands-cli/core/executor-utils';

/**
 * Runs `tasks` with fail-fast semantics and at most `limit` of them in flight at once (no bound when
 * `limit` is undefined: the core's run-wide `max_parallel` still applies). Tasks start in order as
 * slots free up; one that was waiting when a sibling failed starts with the aborted signal and bails
 * out at once. Results keep the order of `tasks`.
 */
export async function runBounded<T>(
  tasks: readonly FailFastTask<T>[],
  limit: number | undefined,
  signal: AbortSignal,
): Promise<T[]> {
  if (limit === undefined || limit >= tasks.length) return runFailFast(tasks, signal);
  let active = 0;
  const waiting: Array<() => void> = [];
  const acquire = async (): Promise<void> => {
    if (active < limit) {
      active++;
      return;
    }
    // The slot is handed over by `release`, so `active` stays at the bound meanwhile.
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return runFailFast(
    tasks.map((task) => async (taskSignal: AbortSignal) => {
      await acquire();
      try {
        return await task(taskSignal);
      } finally {
        release();
      }
    }),
    signal,
  );
}
