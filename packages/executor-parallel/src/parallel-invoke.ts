import type { AgentInvocationV1, AgentResultV1, ExecutorContextV1 } from '@strands-cli/core/spec';
import { StepFailedError, StrandsError } from '@strands-cli/core/spec';

/**
 * Invokes an agent and makes sure a failure names the step and the agent
 * (`task 'x' (agent 'y') failed: ...`). An error that already does, or one caused by the run
 * stopping (cancellation, budget) or by a sibling's failure (the request's own signal), passes
 * through unchanged so that the reason that stopped everything is the one reported.
 */
export async function invokeNamed(
  context: ExecutorContextV1<unknown>,
  request: AgentInvocationV1,
): Promise<AgentResultV1> {
  try {
    return await context.invokeAgent(request);
  } catch (error) {
    if (context.signal.aborted || request.signal?.aborted || isStepFailure(error)) throw error;
    throw new StepFailedError(request.step.label, request.agentId, error);
  }
}

function isStepFailure(error: unknown): boolean {
  // `name` rather than instanceof: the error may come from another copy of the core.
  return (
    error instanceof StepFailedError || (StrandsError.isInstance(error) && error.name === 'StepFailedError')
  );
}
