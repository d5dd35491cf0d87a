import type { ExecutorContextV1 } from '@strands-cli/core/spec';
import { runBounded } from './orchestrator-workers-bounded.js';
import type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';

/** One finished worker: an item of `workers` in reduce, writeup and artifact templates. */
export interface WorkerRecord {
  /** 0-based position over every round. */
  readonly index: number;
  /** The round (from 1) whose plan held the task. */
  readonly round: number;
  readonly task: string;
  readonly response: string;
  readonly status: 'success';
  /** Input + output tokens of the invocation (the core estimates them when a provider reports none). */
  readonly tokens: number;
}

/**
 * Runs one round's tasks, each as the worker agent's input unchanged, at most
 * `limits.max_workers` at a time, failing fast. Every worker's journal position is `round:index`
 * (index within the round), so a resumed run replays the workers that finished even though they ran
 * concurrently. The worker agent is the same for every task, so the core builds it once.
 */
export async function runWorkers(
  context: ExecutorContextV1<OrchestratorWorkersConfig>,
  round: number,
  tasks: readonly string[],
  firstIndex: number,
): Promise<WorkerRecord[]> {
  const { worker_template: template, orchestrator } = context.config;
  // A non-empty list replaces the worker agent's tools; none keeps them, as for a chain step.
  const toolOverrides = template.tools?.length ? template.tools : undefined;
  return runBounded(
    tasks.map((task, index) => async (signal: AbortSignal): Promise<WorkerRecord> => {
      const result = await context.invokeAgent({
        agentId: template.agent,
        input: task,
        toolOverrides,
        signal,
        step: {
          kind: 'worker',
          label: `worker ${index + 1} of round ${round}`,
          pointer: '/pattern/config/worker_template',
          occurrence: `${round}:${index}`,
        },
      });
      return {
        index: firstIndex + index,
        round,
        task,
        response: result.text,
        status: 'success',
        tokens: result.usage.inputTokens + result.usage.outputTokens,
      };
    }),
    orchestrator.limits?.max_workers,
    context.signal,
  );
}
