import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';
import { joinWorkers, runPhase } from './orchestrator-workers-finish.js';
import { askReview } from './orchestrator-workers-review.js';
import { runRounds } from './orchestrator-workers-rounds.js';

/**
 * Runs an `orchestrator_workers` pattern: the rounds (plan, optional decomposition review, workers),
 * then an optional reduce review, `reduce` and `writeup`. Reduce and writeup see `workers`,
 * `num_workers`, `round_count` and `last_response` (the text so far); writeup also sees
 * `reduce_response`; both see `hitl_response` once a person answered. The final response is the
 * writeup's, else the reduce's, else every worker's response as `Worker i: …`.
 */
export async function runOrchestratorWorkers(
  context: ExecutorContextV1<OrchestratorWorkersConfig>,
): Promise<ExecutorResultV1> {
  const { config } = context;
  const rounds = await runRounds(context);
  const { workers } = rounds;
  let humanResponse = rounds.humanResponse;
  const base: Record<string, unknown> = {
    workers,
    num_workers: workers.length,
    round_count: rounds.roundCount,
  };
  const scope = (): Record<string, unknown> =>
    humanResponse === undefined ? { ...base } : { ...base, hitl_response: humanResponse };
  let response = joinWorkers(workers);
  let agentId = workers.length > 0 ? config.worker_template.agent : config.orchestrator.agent;
  if (config.reduce_review !== undefined) {
    const review = await askReview(context, config.reduce_review, 'reduce_review', undefined, {
      ...scope(),
      worker_count: workers.length,
    });
    humanResponse = review.answer;
  }
  for (const phase of ['reduce', 'writeup'] as const) {
    const step = config[phase];
    if (step === undefined) continue;
    const outcome = await runPhase(context, phase, step, { ...scope(), last_response: response });
    response = outcome.response;
    agentId = outcome.agentId;
    if (outcome.human) humanResponse = outcome.response;
    if (phase === 'reduce') base.reduce_response = outcome.response;
  }
  const executionContext: Record<string, unknown> = {
    ...base,
    orchestrator_response: rounds.orchestratorResponse,
    dropped_tasks: rounds.droppedTasks,
  };
  return {
    response,
    agentId,
    context: executionContext,
    ...(humanResponse === undefined ? {} : { variables: { hitl_response: humanResponse } }),
  };
}
