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
  /** The terminal's width in columns, when it is a terminal. */
  readonly columns?: number;
  /** Subscribes to `resize` (a terminal that changed width). */
  on?(event: 'resize', listener: () => void): unknown;
  /** Unsubscribes a `resize` listener. */
  off?(event: 'resize', listener: () => void): unknown;
}
