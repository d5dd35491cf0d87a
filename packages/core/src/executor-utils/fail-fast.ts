/**
 * Fail-fast concurrency for executors: run sibling tasks together; the first failure aborts the others
 * through their AbortSignal, waits for every one of them to settle (so no request outlives the
 * error), then rethrows that first failure.
 */

/** One unit of concurrent work; it must honour `signal` (pass it to `invokeAgent`). */
export type FailFastTask<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs `tasks` concurrently and resolves with their results in order. On the first rejection every
 * sibling's signal is aborted; the returned promise rejects with that first error only after all
 * tasks have settled. When `parentSignal` aborts, the siblings are aborted too and its reason is
 * rethrown (after settling) unless a task failed first. No concurrency limit is applied here: the core
 * bounds model calls run-wide (`runtime.max_parallel`).
 * @example
 * const results = await runFailFast(branches.map((b) => (signal) => runBranch(b, signal)), ctx.signal);
 */
export async function runFailFast<T>(
  tasks: readonly FailFastTask<T>[],
  parentSignal: AbortSignal,
): Promise<T[]> {
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort(parentSignal.reason);
  if (parentSignal.aborted) {
    controller.abort(parentSignal.reason);
  } else {
    parentSignal.addEventListener('abort', onParentAbort, { once: true });
  }
  let failed = false;
  let firstError: unknown;
  try {
    const settled = await Promise.allSettled(
      tasks.map(async (task) => {
        try {
          // Even a task started after an abort gets the aborted signal; it should bail out at once.
          return await task(controller.signal);
        } catch (error) {
          if (!failed) {
            failed = true;
            // A task that fails because the parent aborted reports the parent's reason (e.g. a budget).
            firstError = parentSignal.aborted ? parentSignal.reason : error;
            controller.abort(firstError);
          }
          throw error;
        }
      }),
    );
    if (failed) throw firstError;
    if (parentSignal.aborted) throw parentSignal.reason;
    return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
  } finally {
    parentSignal.removeEventListener('abort', onParentAbort);
  }
}
