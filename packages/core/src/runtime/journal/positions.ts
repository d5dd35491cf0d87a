import type { StepRefV1 } from '../../spec/v1/executor-v1.js';

/**
 * The logical position of a step's invocation: its JSON pointer and its occurrence. It names the same
 * work on every run of the same spec, whatever order concurrent work finishes in.
 */
export function stepPosition(step: StepRefV1, occurrence: number | string): string {
  return `${step.pointer}#${occurrence}`;
}

/**
 * Numbers the invocations of each pointer in the order they start, for steps that give no occurrence
 * of their own. Deterministic as long as one pointer's invocations never run concurrently, which the
 * contract asks of executors that omit the occurrence.
 */
export class OccurrenceCounter {
  readonly #next = new Map<string, number>();

  /** The occurrence of `step`: its own, or the next number for its pointer. */
  of(step: StepRefV1): number | string {
    if (step.occurrence !== undefined) return step.occurrence;
    const next = this.#next.get(step.pointer) ?? 0;
    this.#next.set(step.pointer, next + 1);
    return next;
  }
}
