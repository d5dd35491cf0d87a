import type { RunEvent } from '@strands-cli/core';

/** Consumes a run's events and shows progress on stderr. */
export interface ProgressReporter {
  /** Handles one event. Must never throw. */
  onEvent(event: RunEvent): void;
  /** Stops timers and clears any live view. Idempotent. */
  stop(): void;
  /** Text of the last step streamed in full (to avoid printing the final answer twice), if any. */
  readonly lastStreamedText: string | undefined;
}

/** Writes text somewhere (stderr). */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}
