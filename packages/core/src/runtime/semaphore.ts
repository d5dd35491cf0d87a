import { abortReason } from './clock.js';

/**
 * A counting semaphore whose waiters can be cancelled. The run holds exactly one, sized by
 * `runtime.max_parallel`, around every model request, so nested constructs share one limit.
 */
export class Semaphore {
  readonly #limit: number;
  #active = 0;
  readonly #waiters: Array<{ grant: () => void }> = [];

  /** @param limit how many holders may run at once (at least 1). */
  constructor(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  /** Holders right now. */
  get active(): number {
    return this.#active;
  }

  /** Waits for a slot; rejects with the signal's reason when it aborts first. Returns the release function. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#active < this.#limit) {
      this.#active += 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.#active += 1;
          resolve(this.#releaser());
        },
      };
      const onAbort = (): void => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(abortReason(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  /** Runs `task` while holding a slot. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      this.#waiters.shift()?.grant();
    };
  }
}
