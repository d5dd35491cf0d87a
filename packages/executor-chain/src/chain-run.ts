import type {
  AgentStepSpec,
  ExecutorContextV1,
  ExecutorResultV1,
  StepRefV1,
  StepSpec,
} from '@strands-cli/core/spec';
import { StepFailedError, UnsupportedFeatureError } from '@strands-cli/core/spec';
import type { ChainConfig } from './chain-config.js';

/** What a step leaves for the templates of later steps (`steps[n]`) and for artifacts. */
export interface ChainStepRecord {
  /** 0-based position in the chain (`steps[0]` is the first step). */
  readonly index: number;
  readonly agent: string;
  /** The step's final text. */
  readonly response: string;
  /** Tokens of the step, input + output, from the provider's usage (strands-cli's name, kept). */
  readonly tokens_estimated: number;
  readonly usage: { readonly input_tokens: number; readonly output_tokens: number };
}

/**
 * Runs a `chain` pattern, as strands-cli does so existing specs behave the same: steps run strictly in order
 * and the first failure stops the chain. Step i's input is rendered with the user's variables, then `steps`
 * (the records of steps 0..i-1) and, from the second step on, `last_response`, then the step's own `vars`,
 * which win over everything. A non-empty `tool_overrides` replaces the agent's tools; an empty list keeps
 * them. Every step is a fresh conversation; data flows only through templates. A one-step chain is
 * strands-cli's "single agent" and follows the same rules.
 */
export async function runChain(context: ExecutorContextV1<ChainConfig>): Promise<ExecutorResultV1> {
  const steps = (context.config as { steps?: readonly StepSpec[] }).steps ?? [];
  const records: ChainStepRecord[] = [];
  for (const [index, step] of steps.entries()) {
    const pointer = `/pattern/config/steps/${index}`;
    const ref: StepRefV1 = { kind: 'step', label: `step ${index + 1}`, pointer };
    if (!isAgentStep(step)) {
      throw new UnsupportedFeatureError([
        {
          pointer,
          reason: 'Human-in-the-loop steps need sessions, which this version does not have',
          remediation: 'Remove the hitl step, or replace it with an agent step.',
        },
      ]);
    }
    records.push(await runStep(context, step, index, ref, records));
  }
  const last = records.at(-1);
  return { response: last?.response ?? '', agentId: last?.agent ?? '', context: { steps: records } };
}

async function runStep(
  context: ExecutorContextV1<ChainConfig>,
  step: AgentStepSpec,
  index: number,
  ref: StepRefV1,
  previous: readonly ChainStepRecord[],
): Promise<ChainStepRecord> {
  let input: string;
  try {
    // Later keys win: the pattern's `steps`, then the step's own vars (the core puts user variables underneath).
    // `last_response` (the previous step's response) exists from the second step on, as in parallel branches.
    const last = previous[previous.length - 1];
    const scope =
      last === undefined ? { steps: [...previous] } : { steps: [...previous], last_response: last.response };
    input = context.render(step.input, { ...scope, ...step.vars }, `${ref.pointer}/input`);
  } catch (error) {
    throw new StepFailedError(ref.label, step.agent, error);
  }
  const overrides = step.tool_overrides;
  // The core names the step and agent of a failed invocation, and reports a stopped run's own reason.
  const result = await context.invokeAgent({
    agentId: step.agent,
    input,
    ...(overrides && overrides.length > 0 ? { toolOverrides: overrides } : {}),
    step: ref,
    // A chain is sequential, so its text can be streamed without interleaving.
    stream: true,
  });
  return {
    index,
    agent: step.agent,
    response: result.text,
    tokens_estimated: result.usage.inputTokens + result.usage.outputTokens,
    usage: { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens },
  };
}

function isAgentStep(step: StepSpec): step is AgentStepSpec {
  return !('type' in step && step.type === 'hitl');
}
