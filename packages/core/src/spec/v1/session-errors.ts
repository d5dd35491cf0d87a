import type { PendingHumanInputV1 } from './journal-v1.js';
import { ExitCode, StrandsError, type StrandsErrorOptions } from './strands-error.js';

const sessionErrorMarker = Symbol.for('strands-cli.error.SessionError');

/** A session cannot be used: unknown, already completed, locked by a live process, or unreadable (exit 17). */
export class SessionError extends StrandsError {
  protected readonly [sessionErrorMarker] = true;

  /** True for a SessionError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is SessionError {
    return StrandsError.hasMarker(value, sessionErrorMarker);
  }

  /** The session id, when one was named. */
  readonly sessionId: string | undefined;
  constructor(message: string, sessionId?: string, options: StrandsErrorOptions = {}) {
    super(message, ExitCode.session, options);
    this.name = 'SessionError';
    this.sessionId = sessionId;
  }
}

const runPausedErrorMarker = Symbol.for('strands-cli.error.RunPausedError');

/**
 * The run stopped to wait for a person (exit 19). Not a failure: the session keeps everything done so
 * far, and resuming with the answer continues where the run stopped. No artifact is written.
 */
export class RunPausedError extends StrandsError {
  protected readonly [runPausedErrorMarker] = true;

  /** True for a RunPausedError (or a subclass), even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is RunPausedError {
    return StrandsError.hasMarker(value, runPausedErrorMarker);
  }

  /** The questions waiting for an answer, in the order they will be asked on resume. */
  readonly pending: readonly PendingHumanInputV1[];
  /** The session to resume, when the run kept one. */
  readonly sessionId: string | undefined;
  constructor(pending: readonly PendingHumanInputV1[], sessionId?: string) {
    const first = pending[0];
    super(
      `Paused for human input at ${first?.step.label ?? 'a human-in-the-loop step'}` +
        (pending.length > 1 ? ` (${pending.length} questions waiting)` : ''),
      ExitCode.paused,
      {
        hint:
          sessionId === undefined
            ? 'Run with a session (the default of `strands run`), or answer through onHumanInput.'
            : `Answer with: strands run --resume ${sessionId} --hitl-response "<your answer>"`,
      },
    );
    this.name = 'RunPausedError';
    this.pending = pending;
    this.sessionId = sessionId;
  }
}
