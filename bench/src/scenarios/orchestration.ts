import { runWorkflow } from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import { settle } from '../measure.js';
import { chainSpec } from '../specs.js';
import { type Summary, summarize } from '../stats.js';

/** Orchestration alone, per chain length. */
export interface OrchestrationPoint {
  readonly steps: number;
  /** Wall milliseconds per step of the whole `runWorkflow` call, spec loading included. */
  readonly perStepMs: Summary;
}

/**
 * The chain again, with an in-memory model that answers at once: no HTTP, no SDK, so what is left is
 * the orchestration itself (spec loading, templates, the agent cache, retries and budget bookkeeping,
 * events). The most stable figure on a busy machine, and the one that shows whether a step's cost
 * grows with the number of steps before it.
 */
export async function benchOrchestration(
  plan: ReadonlyArray<readonly [steps: number, reps: number]>,
): Promise<OrchestrationPoint[]> {
  const mock = createMockProviderPlugin({ responses: () => ({ text: 'echo: a short answer' }) });
  const points: OrchestrationPoint[] = [];
  for (const [steps, reps] of plan) {
    const spec = chainSpec(steps, { provider: 'mock', model_id: 'mock-model' });
    const run = async (): Promise<number> => {
      settle();
      const started = performance.now();
      await runWorkflow(spec as never, { providers: { mock }, env: {} });
      return (performance.now() - started) / steps;
    };
    for (let round = 0; round < 2; round += 1) await run();
    const samples: number[] = [];
    for (let round = 0; round < reps; round += 1) samples.push(await run());
    points.push({ steps, perStepMs: summarize(samples) });
  }
  return points;
}
