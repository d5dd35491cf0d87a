import { askHumanStep, HUMAN_AGENT_ID } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, StepRefV1, StepSpec, UsageV1 } from '@strands-cli/core/spec';
import { StepFailedError } from '@strands-cli/core/spec';

/** A step that ran: who answered (an agent, or `hitl` for a person), the text and the usage. */
export interface StepOutcome {
  readonly agentId: string;
  readonly text: string;
  readonly usage: UsageV1;
  /** True for a human-in-the-loop step: its text is the person's answer. */
  readonly human: boolean;
  /** The answer parsed as JSON, when the agent declares an `output_schema`. */
  readonly json?: unknown;
}

/**
 * Renders a step's input over `scope` (the step's own `vars` on top of everything) and invokes its
 * agent with `tool_overrides` passed as-is: in this pattern `[]` means no tools, as in strands-cli.
 * A `type: hitl` step asks a person instead, its `context_display` seeing the same `scope`.
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
    // Step pointers are unique and each step runs once, so the pointer alone is its position.
    const answer = await askHumanStep(context, step, ref, scope);
    return { agentId: HUMAN_AGENT_ID, text: answer, usage: { inputTokens: 0, outputTokens: 0 }, human: true };
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
  return {
    agentId: step.agent,
    text: result.text,
    usage: result.usage,
    human: false,
    ...(result.json === undefined ? {} : { json: result.json }),
  };
}
