import type { UsageV1 } from '../spec/v1/model-provider-v1.js';

/** Model requests and retries of one provider in one run. */
export interface ProviderCounts {
  readonly requests: number;
  readonly retries: number;
}

/** Run-wide tallies shared by every invocation of a run. */
export class RunCounters {
  readonly #providers = new Map<string, { requests: number; retries: number }>();
  #inputTokens = 0;
  #outputTokens = 0;
  #invocations = 0;

  /** Counts one model request sent to `providerId` (every attempt counts). */
  request(providerId: string): void {
    this.#entry(providerId).requests += 1;
  }

  /** Counts one retry of a request to `providerId`. */
  retry(providerId: string): void {
    this.#entry(providerId).retries += 1;
  }

  /** Counts an invocation. */
  invocation(): void {
    this.#invocations += 1;
  }

  /** Adds one model turn's usage; returns the run total. */
  addUsage(usage: UsageV1): UsageV1 {
    this.#inputTokens += usage.inputTokens;
    this.#outputTokens += usage.outputTokens;
    return this.usage;
  }

  /** Tokens so far. */
  get usage(): UsageV1 {
    return { inputTokens: this.#inputTokens, outputTokens: this.#outputTokens };
  }

  /** Invocations so far. */
  get invocations(): number {
    return this.#invocations;
  }

  /** Requests and retries per provider id. */
  get providers(): Readonly<Record<string, ProviderCounts>> {
    return Object.fromEntries([...this.#providers].map(([id, counts]) => [id, { ...counts }]));
  }

  #entry(providerId: string): { requests: number; retries: number } {
    let entry = this.#providers.get(providerId);
    if (!entry) {
      entry = { requests: 0, retries: 0 };
      this.#providers.set(providerId, entry);
    }
    return entry;
  }
}
