import { RunCancelledError } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';

/**
 * Turns SIGINT/SIGTERM into an aborted run. The handler is removed after the first signal, so a
 * second Ctrl-C ends the process the default way if something refuses to stop.
 */
export function abortOnInterrupt(io: CliIO, controller: AbortController): () => void {
  if (!io.onInterrupt) return () => undefined;
  let remove: (() => void) | undefined;
  remove = io.onInterrupt((signal) => {
    remove?.();
    remove = undefined;
    controller.abort(new RunCancelledError(`Interrupted by ${signal}`));
  });
  return () => {
    remove?.();
    remove = undefined;
  };
}
