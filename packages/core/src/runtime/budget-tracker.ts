import { BudgetExceededError, type BudgetKind } from '../spec/v1/errors.js';
import type { UsageV1 } from '../spec/v1/model-provider-v1.js';
import type { RuntimeSpec } from '../spec-file/schema/workflow-spec.js';
import type { Clock } from './clock.js';

/** The warning threshold when `budgets.warn_threshold` is not set. */
export const defaultWarnThreshold = 0.8;

/** What the tracker reports back to the run. */
export interface BudgetTrackerHooks {
  /** A budget crossed its warning threshold (called once per budget). */
  warn(budget: BudgetKind, limit: number, used: number, threshold: number): void;
  /** A budget was exceeded: the run must stop (abort its signal with this error). */
  exceed(error: BudgetExceededError): void;
}

/**
 * Enforces `runtime.budgets` for one run, so a runaway run stops at a known cost: `max_tokens` from the usage
 * the providers report, `max_steps` as agent invocations, `max_duration_s` by a timer. Exceeding a budget
 * means using more than the limit; the tracker calls `exceed` once and every later check throws the same
 * error.
 */
export class BudgetTracker {
  readonly #budgets: NonNullable<RuntimeSpec['budgets']>;
  readonly #threshold: number;
  readonly #hooks: BudgetTrackerHooks;
  readonly #warned = new Set<BudgetKind>();
  readonly #cancelTimers: Array<() => void> = [];
  #tokens = 0;
  #steps = 0;
  #exceeded: BudgetExceededError | undefined;

  /** `usedMs`: active time earlier attempts of the run already used (a resumed run continues from it). */
  constructor(budgets: RuntimeSpec['budgets'], clock: Clock, hooks: BudgetTrackerHooks, usedMs = 0) {
    this.#budgets = budgets ?? {};
    this.#threshold = this.#budgets.warn_threshold ?? defaultWarnThreshold;
    this.#hooks = hooks;
    const seconds = this.#budgets.max_duration_s;
    if (seconds !== undefined) {
      const limitMs = seconds * 1000;
      const started = clock.now() - usedMs;
      const usedSeconds = (): number => Math.round((clock.now() - started) / 100) / 10;
      this.#cancelTimers.push(
        clock.setTimer(Math.max(0, limitMs * this.#threshold - usedMs), () =>
          this.#warnOnce('max_duration_s', seconds, usedSeconds()),
        ),
        clock.setTimer(Math.max(0, limitMs - usedMs), () => {
          this.#exceed(new BudgetExceededError('max_duration_s', seconds, usedSeconds()));
        }),
      );
    }
  }

  /** Tokens used so far (input + output). */
  get tokens(): number {
    return this.#tokens;
  }

  /** Invocations started so far. */
  get steps(): number {
    return this.#steps;
  }

  /** Throws when a budget was already exceeded. */
  check(): void {
    if (this.#exceeded) throw this.#exceeded;
  }

  /** Counts an invocation about to start; throws when it would be one more than `max_steps`. */
  beginStep(): void {
    this.check();
    this.#steps += 1;
    const limit = this.#budgets.max_steps;
    if (limit === undefined) return;
    if (this.#steps > limit) this.#exceed(new BudgetExceededError('max_steps', limit, this.#steps));
    this.check();
    if (this.#steps >= limit * this.#threshold) this.#warnOnce('max_steps', limit, this.#steps);
  }

  /** Adds the usage of one model turn; throws when the total is over `max_tokens`. */
  addUsage(usage: UsageV1): void {
    this.#tokens += usage.inputTokens + usage.outputTokens;
    const limit = this.#budgets.max_tokens;
    if (limit !== undefined) {
      if (this.#tokens > limit) this.#exceed(new BudgetExceededError('max_tokens', limit, this.#tokens));
      else if (this.#tokens >= limit * this.#threshold) this.#warnOnce('max_tokens', limit, this.#tokens);
    }
    this.check();
  }

  /** Stops the duration timers. Call in the run's `finally`. */
  dispose(): void {
    for (const cancel of this.#cancelTimers.splice(0)) cancel();
  }

  #warnOnce(budget: BudgetKind, limit: number, used: number): void {
    if (this.#warned.has(budget) || this.#exceeded) return;
    this.#warned.add(budget);
    this.#hooks.warn(budget, limit, used, this.#threshold);
  }

  #exceed(error: BudgetExceededError): void {
    if (this.#exceeded) return;
    this.#exceeded = error;
    this.dispose();
    this.#hooks.exceed(error);
  }
}
