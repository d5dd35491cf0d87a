import { StepFailedError } from '../spec/v1/errors.js';
import type { AgentInvocationV1 } from '../spec/v1/executor-v1.js';

/**
 * The error `invokeAgent` throws for a failed invocation: a `StepFailedError` naming the step and the
 * agent (`task 'x' (agent 'y') failed: ...`), which keeps the cause's exit code and hint. Three kinds
 * pass through unchanged, so that the reason that stopped everything is the one reported: an error
 * caused by the run stopping (cancellation, budget: `runSignal` aborted), one caused by a sibling's
 * failure (the request's own signal aborted), and one that already names its step.
 */
export function namedStepFailure(
  error: unknown,
  request: AgentInvocationV1,
  runSignal: AbortSignal,
): unknown {
  if (runSignal.aborted || request.signal?.aborted || isStepFailure(error)) return error;
  return new StepFailedError(request.step.label, request.agentId, error);
}

/** True for a StepFailedError, even one from another copy of the core (where instanceof is false). */
export function isStepFailure(error: unknown): boolean {
  return StepFailedError.isInstance(error);
}
