import * as z from 'zod';
import { runFailFast } from '../../executor-utils/fail-fast.js';
import { defineExecutor } from '../../spec/v1/define.js';
import type { AnalysisV1 } from '../../spec/v1/executor-v1.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import type { RunTools } from '../../tools/run-tools.js';

const stepsConfig = z.strictObject({
  steps: z.array(
    z.strictObject({
      agent: z.string(),
      input: z.string().optional(),
      tool_overrides: z.array(z.string()).optional(),
    }),
  ),
});
type StepsConfig = z.infer<typeof stepsConfig>;

function analyzeSteps(config: StepsConfig): AnalysisV1 {
  return {
    agentReferences: config.steps.map((step, index) => ({
      id: step.agent,
      pointer: `/pattern/config/steps/${index}/agent`,
    })),
    toolReferences: [],
    templates: [],
    issues: [],
    graph: { nodes: [], edges: [] },
  };
}

/** A minimal sequential executor for core tests (registered under `chain`, so specs validate). */
export const sequenceExecutor = defineExecutor<StepsConfig>({
  kind: 'executor',
  specificationVersion: 'v1',
  id: 'chain',
  description: 'Test double: runs steps in order.',
  version: '0.0.0',
  configSchema: stepsConfig,
  analyze: analyzeSteps,
  async run(context) {
    const steps: Array<{ index: number; agent: string; response: string }> = [];
    for (const [index, step] of context.config.steps.entries()) {
      const pointer = `/pattern/config/steps/${index}`;
      const input = context.render(step.input, { steps }, `${pointer}/input`);
      const result = await context.invokeAgent({
        agentId: step.agent,
        input,
        toolOverrides: step.tool_overrides,
        step: { kind: 'step', label: `step ${index + 1}`, pointer },
        stream: true,
      });
      steps.push({ index, agent: step.agent, response: result.text });
    }
    const last = steps.at(-1);
    return { response: last?.response ?? '', agentId: last?.agent ?? '', context: { steps } };
  },
});

/** A test executor that runs every step at once, fail-fast (registered under `parallel`). */
export const fanOutExecutor = defineExecutor<StepsConfig>({
  ...sequenceExecutor,
  id: 'parallel',
  description: 'Test double: runs steps concurrently.',
  async run(context) {
    const texts = await runFailFast(
      context.config.steps.map((step, index) => async (signal: AbortSignal) => {
        const result = await context.invokeAgent({
          agentId: step.agent,
          input: context.render(step.input, {}, `/pattern/config/steps/${index}/input`),
          step: {
            kind: 'branch-step',
            label: `branch ${index + 1}`,
            pointer: `/pattern/config/steps/${index}`,
          },
          signal,
        });
        return result.text;
      }),
      context.signal,
    );
    return { response: texts.join('|'), agentId: 'parallel', context: {} };
  },
});

/** A RunTools double with a fixed catalog, counting closes. */
export function fakeRunTools(tools: readonly ToolV1[] = []): RunTools & { closes: number } {
  const state = {
    closes: 0,
    openedPools: 0,
    toolsFor: (ids: readonly string[]) => tools.filter((tool) => ids.includes(tool.name)),
    systemPromptSection: (ids: readonly string[]) =>
      ids.length > 0 ? `# Tools\n\n${ids.join(', ')}` : undefined,
    async close() {
      state.closes += 1;
    },
  };
  return state;
}

/** A tool that echoes its input, optionally after a wait that honours the signal. */
export function echoTool(name: string, gate?: Promise<void>): ToolV1 & { calls: number } {
  const tool = {
    name,
    description: `Echo tool ${name}`,
    inputSchema: { type: 'object' },
    calls: 0,
    async call(input: Record<string, unknown>) {
      tool.calls += 1;
      if (gate) await gate;
      return { content: `${name}:${JSON.stringify(input)}` };
    },
  };
  return tool;
}

/** A chain spec document with `count` steps on `agent`, provider `mock`. */
export function chainSpec(
  steps: ReadonlyArray<{ agent: string; input?: string; tool_overrides?: string[] }>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const agents: Record<string, unknown> = {};
  for (const step of steps) agents[step.agent] = { prompt: `You are ${step.agent}.` };
  return {
    version: 1,
    name: 'test-run',
    runtime: { provider: 'mock' },
    agents,
    pattern: { type: 'chain', config: { steps } },
    ...extra,
  };
}

/**
 * A test executor (registered under `parallel`) that runs every step at once, where a step on the agent
 * `person` asks a human instead of a model: it pauses while the other steps go on. A `person` step's
 * `tool_overrides` name agents that run after the answer, one after the other, each given the previous
 * text (a branch that goes on once its question is answered). The answer `maybe` is refused.
 */
export const askingFanOutExecutor = defineExecutor<StepsConfig>({
  ...sequenceExecutor,
  id: 'parallel',
  description: 'Test double: runs steps concurrently; `person` steps ask a human.',
  async run(context) {
    const texts = await runFailFast(
      context.config.steps.map((step, index) => async (signal: AbortSignal) => {
        const pointer = `/pattern/config/steps/${index}`;
        const ref = { kind: 'branch-step', label: `branch ${index + 1}`, pointer };
        if (step.agent === 'person') {
          const answer = await context.awaitHuman({
            step: ref,
            prompt: step.input ?? 'ok?',
            default: 'no answer',
            validate: (text) => (text === 'maybe' ? 'say yes or no' : undefined),
          });
          let text = answer;
          for (const next of step.tool_overrides ?? []) {
            const result = await context.invokeAgent({
              agentId: next,
              input: `after ${text}`,
              step: {
                kind: 'branch-step',
                label: `branch ${index + 1} then ${next}`,
                pointer: `${pointer}/then`,
              },
              signal,
            });
            text = result.text;
          }
          return text;
        }
        const result = await context.invokeAgent({
          agentId: step.agent,
          input: step.input ?? '',
          step: ref,
          signal,
        });
        return result.text;
      }),
      context.signal,
    );
    return { response: texts.join('|'), agentId: 'parallel', context: {} };
  },
});
