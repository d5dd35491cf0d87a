import { runFailFast } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import type { ParallelConfig } from './parallel-config.js';
import { type BranchRecord, type BranchStepRecord, branchRecord, stepRecord } from './parallel-records.js';
import { runStep } from './parallel-step.js';

/** The agent id reported when there is no reduce step and the output is the aggregation. */
export const AGGREGATE_AGENT_ID = 'parallel';

/**
 * Runs a `parallel` pattern: every branch starts at once (the core bounds model calls by
 * `max_parallel`) and runs its steps in order, each step seeing that branch's `steps` and
 * `last_response` only. The first failing branch aborts the others. Then the optional `reduce` step
 * sees `branches.<id>`; without it the output is the branches sorted by id, as `Branch <id>:` blocks
 * separated by `---` lines. The artifact context is `{ branches }`.
 *
 * Human-in-the-loop: a branch step of `type: hitl` asks a person (its `context_display` sees what an
 * agent step there would); the answer is that step's response, and `hitl_response` (the branch's
 * latest answer) is visible to the branch's later steps. A question never cancels the other
 * branches: they run to the end, and the run pauses only when nothing else can progress. A `reduce`
 * of `type: hitl` is a review of the branch results: its `context_display` sees `branches`, and the
 * answer is the run's response (`last_response`) and `hitl_response` for artifacts.
 */
export async function runParallel(context: ExecutorContextV1<ParallelConfig>): Promise<ExecutorResultV1> {
  const { config } = context;
  const outcomes = await runFailFast(
    config.branches.map(
      (branch, index) => (signal: AbortSignal) => runBranch(context, branch, index, signal),
    ),
    context.signal,
  );
  const branches: Record<string, BranchRecord> = {};
  config.branches.forEach((branch, index) => {
    branches[branch.id] = branchRecord(outcomes[index] ?? []);
  });
  if (config.reduce === undefined) {
    return { response: aggregate(branches), agentId: AGGREGATE_AGENT_ID, context: { branches } };
  }
  const reduced = await runStep(
    context,
    config.reduce,
    { kind: 'reduce', label: 'reduce', pointer: '/pattern/config/reduce' },
    { branches },
    context.signal,
    // Reduce runs alone, so --stream can show its text; concurrent branch steps never stream.
    context.streamRequested,
  );
  return {
    response: reduced.text,
    agentId: reduced.agentId,
    context: { branches },
    ...(reduced.human ? { variables: { hitl_response: reduced.text } } : {}),
  };
}

/** Runs one branch's steps in order; returns their records. */
async function runBranch(
  context: ExecutorContextV1<ParallelConfig>,
  branch: ParallelConfig['branches'][number],
  branchIndex: number,
  signal: AbortSignal,
): Promise<BranchStepRecord[]> {
  const steps: BranchStepRecord[] = [];
  let humanResponse: string | undefined;
  for (const [index, step] of branch.steps.entries()) {
    const last = steps.at(-1);
    // `last_response` exists only once the branch has a previous step, as in strands-cli.
    const scope: Record<string, unknown> = { steps: [...steps] };
    if (last !== undefined) scope.last_response = last.response;
    if (humanResponse !== undefined) scope.hitl_response = humanResponse;
    const outcome = await runStep(
      context,
      step,
      {
        kind: 'branch-step',
        label: `branch '${branch.id}' step ${index + 1}`,
        pointer: `/pattern/config/branches/${branchIndex}/steps/${index}`,
      },
      scope,
      signal,
    );
    if (outcome.human) humanResponse = outcome.text;
    steps.push(stepRecord(index, outcome));
  }
  return steps;
}

/** strands-cli's output without reduce: branches sorted by id, `Branch <id>:` then the response. */
export function aggregate(branches: Readonly<Record<string, BranchRecord>>): string {
  return Object.keys(branches)
    .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0))
    .map((id) => `Branch ${id}:\n${branches[id]?.response ?? ''}`)
    .join('\n\n---\n\n');
}
