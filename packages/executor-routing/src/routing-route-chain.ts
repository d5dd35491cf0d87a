import { askHumanStep, HUMAN_AGENT_ID } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, StepSpec } from '@strands-cli/core/spec';
import { StepFailedError } from '@strands-cli/core/spec';

/** Token usage as templates see it (snake_case, like the rest of the spec). */
export interface UsageRecord {
  readonly input_tokens: number;
  readonly output_tokens: number;
}

/** One finished step of the chosen route: `steps[n]` in later steps and in artifacts. */
export interface RouteStepRecord {
  /** 0-based position in the route. */
  readonly index: number;
  readonly agent: string;
  readonly response: string;
  /** Input + output tokens of the invocation (the core estimates them when a provider reports none). */
  readonly tokens_estimated: number;
  readonly usage: UsageRecord;
  /** The answer parsed as JSON, when the agent declares an `output_schema` (`steps[0].json.x`). */
  readonly json?: unknown;
}

/** What the chosen route left: its step records and the latest human answer, if any. */
export interface RouteChainOutcome {
  readonly records: RouteStepRecord[];
  readonly humanResponse: string | undefined;
}

/**
 * Runs the chosen route's `then` steps as a chain (kept here: executors never import each other).
 * Each step sees the user's variables, `steps` (earlier steps of this route), `router`,
 * `hitl_response` once a person answered (the route review or a hitl step), then its own `vars`.
 * A non-empty `tool_overrides` replaces the agent's tools; an empty list keeps them, as in
 * strands-cli's chain. A `type: hitl` step asks a person; the answer is its response.
 */
export async function runRouteChain(
  context: ExecutorContextV1<unknown>,
  routeName: string,
  steps: readonly StepSpec[],
  router: Readonly<Record<string, unknown>>,
  reviewAnswer?: string,
): Promise<RouteChainOutcome> {
  const records: RouteStepRecord[] = [];
  let humanResponse = reviewAnswer;
  const base = `/pattern/config/routes/${escapePointer(routeName)}/then`;
  for (const [index, step] of steps.entries()) {
    const label = `route '${routeName}' step ${index + 1}`;
    const pointer = `${base}/${index}`;
    const scope: Record<string, unknown> = { steps: [...records], router };
    if (humanResponse !== undefined) scope.hitl_response = humanResponse;
    if (!('agent' in step)) {
      humanResponse = await askHumanStep(context, step, { kind: 'route-step', label, pointer }, scope);
      records.push({
        index,
        agent: HUMAN_AGENT_ID,
        response: humanResponse,
        tokens_estimated: 0,
        usage: { input_tokens: 0, output_tokens: 0 },
      });
      continue;
    }
    let input: string;
    try {
      input = context.render(step.input, { ...scope, ...step.vars }, `${pointer}/input`);
    } catch (error) {
      throw new StepFailedError(label, step.agent, error);
    }
    const overrides = step.tool_overrides?.length ? step.tool_overrides : undefined;
    // The core names the step and agent of a failed invocation.
    const result = await context.invokeAgent({
      agentId: step.agent,
      input,
      toolOverrides: overrides,
      step: { kind: 'route-step', label, pointer },
      // Route steps run one at a time, so the user's --stream can show their text as it arrives.
      stream: context.streamRequested,
    });
    records.push({
      index,
      agent: step.agent,
      response: result.text,
      tokens_estimated: result.usage.inputTokens + result.usage.outputTokens,
      usage: { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens },
      ...(result.json === undefined ? {} : { json: result.json }),
    });
  }
  return { records, humanResponse };
}

/** RFC 6901: route names are map keys and may hold `/` or `~`. */
function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
