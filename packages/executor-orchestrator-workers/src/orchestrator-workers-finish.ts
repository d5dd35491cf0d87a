import { askHumanStep, HUMAN_AGENT_ID } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, StepSpec } from '@strands-cli/core/spec';
import { StepFailedError } from '@strands-cli/core/spec';

/** What a reduce or writeup step produced. */
export interface PhaseOutcome {
  readonly response: string;
  /** The agent, or `hitl` for a human step. */
  readonly agentId: string;
  /** True when a person answered (the answer becomes `hitl_response` afterwards). */
  readonly human: boolean;
}

/**
 * Runs `reduce` or `writeup`: an agent step renders its `input` over `scope` (then its own `vars`)
 * and runs with its `tool_overrides` when non-empty; a human step asks its question with `scope` for
 * its `context_display`, and the answer is its response.
 */
export async function runPhase(
  context: ExecutorContextV1<unknown>,
  phase: 'reduce' | 'writeup',
  step: StepSpec,
  scope: Readonly<Record<string, unknown>>,
): Promise<PhaseOutcome> {
  const pointer = `/pattern/config/${phase}`;
  if (!('agent' in step)) {
    const response = await askHumanStep(context, step, { kind: phase, label: phase, pointer }, scope);
    return { response, agentId: HUMAN_AGENT_ID, human: true };
  }
  let input: string;
  try {
    input = context.render(step.input, { ...scope, ...step.vars }, `${pointer}/input`);
  } catch (error) {
    throw new StepFailedError(phase, step.agent, error);
  }
  // The core names the step and agent of a failed invocation.
  const result = await context.invokeAgent({
    agentId: step.agent,
    input,
    toolOverrides: step.tool_overrides?.length ? step.tool_overrides : undefined,
    step: { kind: phase, label: phase, pointer },
    stream: context.streamRequested,
  });
  return { response: result.text, agentId: step.agent, human: false };
}

/** strands-cli's final response without reduce or writeup: each worker's response, labelled. */
export function joinWorkers(workers: readonly { readonly response: string }[]): string {
  return workers.map((worker, index) => `Worker ${index + 1}: ${worker.response}`).join('\n\n');
}
