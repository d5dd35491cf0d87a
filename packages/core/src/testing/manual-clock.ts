import type { Clock } from '../runtime/clock.js';
import { RunCancelledError } from '../spec/v1/errors.js';

/**
 * A fake {@link Clock} for tests: time moves only through `advance()` and `sleep()`. `sleep` records
 * its delay and returns at once (after moving time forward), so retry schedules can be asserted
 * without waiting; timers fire when time passes them.
 */
export class ManualClock implements Clock {
  /** Every `sleep` delay requested, in order. */
  readonly sleeps: number[] = [];
  #now = 0;
  #timers: Array<{ at: number; callback: () => void }> = [];

  now(): number {
    return this.#now;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new RunCancelledError();
    this.sleeps.push(ms);
    this.advance(ms);
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new RunCancelledError();
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { at: this.#now + ms, callback };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((candidate) => candidate !== timer);
    };
  }

  /** Pending timers. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      // Each timer sees the time it was due at.
      this.#now = Math.max(this.#now, due.at);
      due.callback();
    }
    this.#now = target;
  }
}
