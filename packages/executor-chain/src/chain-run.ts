import { askHumanStep, HUMAN_AGENT_ID } from '@strands-cli/core/executor-utils';
import type { AgentStepSpec, ExecutorContextV1, ExecutorResultV1, StepRefV1 } from '@strands-cli/core/spec';
import { StepFailedError } from '@strands-cli/core/spec';
import type { ChainConfig } from './chain-config.js';

/** What a step leaves for the templates of later steps (`steps[n]`) and for artifacts. */
export interface ChainStepRecord {
  /** 0-based position in the chain (`steps[0]` is the first step). */
  readonly index: number;
  readonly agent: string;
  /** The step's final text (a human-in-the-loop step's: the person's answer). */
  readonly response: string;
  /** Tokens of the step, input + output, from the provider's usage (strands-cli's name, kept). */
  readonly tokens_estimated: number;
  readonly usage: { readonly input_tokens: number; readonly output_tokens: number };
  /** The answer parsed as JSON, when the agent declares an `output_schema` (`steps[0].json.priority`). */
  readonly json?: unknown;
}

/**
 * Runs a `chain` pattern, as strands-cli does so existing specs behave the same: steps run strictly in order
 * and the first failure stops the chain. Step i's input is rendered with the user's variables, then `steps`
 * (the records of steps 0..i-1) and, from the second step on, `last_response`, then the step's own `vars`,
 * which win over everything. A non-empty `tool_overrides` replaces the agent's tools; an empty list keeps
 * them. Every step is a fresh conversation; data flows only through templates. A one-step chain is
 * strands-cli's "single agent" and follows the same rules. A `type: hitl` step asks a person (its
 * `context_display` sees what an agent step there would see); the answer is that step's response
 * (agent `hitl`, no tokens) and, as `hitl_response`, visible to later steps and to artifacts.
 */
export async function runChain(context: ExecutorContextV1<ChainConfig>): Promise<ExecutorResultV1> {
  const steps = context.config.steps ?? [];
  const records: ChainStepRecord[] = [];
  let humanResponse: string | undefined;
  for (const [index, step] of steps.entries()) {
    const pointer = `/pattern/config/steps/${index}`;
    const ref: StepRefV1 = { kind: 'step', label: `step ${index + 1}`, pointer };
    const scope = stepScope(records, humanResponse);
    if ('agent' in step) {
      records.push(await runStep(context, step, index, ref, scope));
    } else {
      humanResponse = await askHumanStep(context, step, ref, scope);
      records.push(humanRecord(index, humanResponse));
    }
  }
  const last = records.at(-1);
  return {
    response: last?.response ?? '',
    agentId: last?.agent ?? '',
    context: { steps: records },
    ...(humanResponse === undefined ? {} : { variables: { hitl_response: humanResponse } }),
  };
}

/**
 * What a step at this place sees: `steps` (the earlier records), `last_response` from the second step
 * on, as in parallel branches, and `hitl_response` (the latest human answer) after a hitl step.
 */
function stepScope(
  previous: readonly ChainStepRecord[],
  humanResponse: string | undefined,
): Record<string, unknown> {
  const scope: Record<string, unknown> = { steps: [...previous] };
  const last = previous.at(-1);
  if (last !== undefined) scope.last_response = last.response;
  if (humanResponse !== undefined) scope.hitl_response = humanResponse;
  return scope;
}

/** A human-in-the-loop step's record: the answer is its response, and it used no tokens. */
function humanRecord(index: number, answer: string): ChainStepRecord {
  return {
    index,
    agent: HUMAN_AGENT_ID,
    response: answer,
    tokens_estimated: 0,
    usage: { input_tokens: 0, output_tokens: 0 },
  };
}

async function runStep(
  context: ExecutorContextV1<ChainConfig>,
  step: AgentStepSpec,
  index: number,
  ref: StepRefV1,
  scope: Readonly<Record<string, unknown>>,
): Promise<ChainStepRecord> {
  let input: string;
  try {
    // Later keys win: the pattern's names, then the step's own vars (the core puts user variables underneath).
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
    ...(result.json === undefined ? {} : { json: result.json }),
  };
}
