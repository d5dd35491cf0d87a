import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { ManualClock } from '../../testing/manual-clock.js';
import type { MockScript } from '../../testing/mock-model-provider.js';
import { createMockProviderPlugin } from '../../testing/mock-provider-plugin.js';
import { ClientPool } from '../client-pool.js';
import type { RunEvent } from '../run-events.js';
import type { RunResult, RunWorkflowOptions } from '../run-types.js';
import { runWorkflow } from '../run-workflow.js';
import { fakeRunTools, fanOutExecutor, sequenceExecutor } from './test-executors.js';

/** Runs a spec document with the mock provider, a private pool, a manual clock and fake tools. */
export function runWithMock(
  document: Record<string, unknown>,
  script?: MockScript,
  options: Partial<RunWorkflowOptions> = {},
) {
  const mock = createMockProviderPlugin({ responses: script });
  const pool = new ClientPool();
  const clock = new ManualClock();
  const tools = fakeRunTools();
  const events: RunEvent[] = [];
  const pending: Promise<RunResult> = runWorkflow(document as unknown as WorkflowSpec, {
    providers: { mock },
    executors: { chain: sequenceExecutor, parallel: fanOutExecutor },
    clientPool: pool,
    clock,
    random: () => 0.5,
    env: {},
    createTools: () => tools,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { mock, pool, clock, tools, events, pending };
}

/** Resolves with the rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { exitCode?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { exitCode?: number };
  }
  throw new Error('expected the run to fail, but it succeeded');
}
