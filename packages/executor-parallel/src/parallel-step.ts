import type { AgentResultV1, ExecutorContextV1, StepRefV1, StepSpec } from '@strands-cli/core/spec';
import { StepFailedError, UnsupportedFeatureError } from '@strands-cli/core/spec';

/** A step that ran: its agent and the agent's result. */
export interface StepOutcome {
  readonly agentId: string;
  readonly result: AgentResultV1;
}

/**
 * Renders a step's input over `scope` (the step's own `vars` on top of everything) and invokes its
 * agent with `tool_overrides` passed as-is: in this pattern `[]` means no tools, as in strands-cli.
 * @throws StepFailedError naming the step and agent when the template or the invocation fails.
 */
export async function runStep(
  context: ExecutorContextV1<unknown>,
  step: StepSpec,
  ref: StepRefV1,
  scope: Readonly<Record<string, unknown>>,
  signal: AbortSignal,
  /** Stream the text as it arrives (`--stream`): only for work that runs alone, such as reduce. */
  stream = false,
): Promise<StepOutcome> {
  if (!('agent' in step)) {
    throw new UnsupportedFeatureError([
      {
        pointer: ref.pointer,
        reason: `${ref.label} is a human-in-the-loop step, which this version cannot run`,
        remediation: 'Replace the step with an agent step, or remove it.',
      },
    ]);
  }
  let input: string;
  try {
    input = context.render(step.input, { ...scope, ...step.vars }, `${ref.pointer}/input`);
  } catch (error) {
    throw new StepFailedError(ref.label, step.agent, error);
  }
  // A sibling may have failed while this branch was between steps.
  if (signal.aborted) throw signal.reason;
  // The core names the step and agent of a failed invocation.
  const result = await context.invokeAgent({
    agentId: step.agent,
    input,
    toolOverrides: step.tool_overrides,
    step: ref,
    signal,
    stream,
  });
  return { agentId: step.agent, result };
}
