import { RunCancelledError } from '../spec/v1/errors.js';
import { safeTimeoutMs } from '../timers/safe-timeout.js';

/**
 * Time as the runtime sees it. Injected so that retries, budgets and durations can be tested with a
 * fake clock instead of real waiting.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin (monotonic). */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once after `ms`; the returned function cancels it. Must not keep the process alive. */
  setTimer(ms: number, callback: () => void): () => void;
}

/** The reason to throw for an aborted signal: its own reason when it is an Error, else a cancellation. */
export function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new RunCancelledError();
}

/** The real clock: `performance.now()` and timers. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, safeTimeoutMs(ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
  setTimer(ms, callback) {
    const timer = setTimeout(callback, safeTimeoutMs(ms));
    // A budget timer must never be what keeps a finished process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
