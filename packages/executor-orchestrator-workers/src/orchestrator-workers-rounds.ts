import type { ExecutorContextV1 } from '@strands-cli/core/spec';
import type { OrchestratorWorkersConfig } from './orchestrator-workers-config.js';
import { askOrchestrator, type OrchestratorPlan } from './orchestrator-workers-plan.js';
import { askReview } from './orchestrator-workers-review.js';
import { orchestratorPrompt } from './orchestrator-workers-tasks.js';
import { runWorkers, type WorkerRecord } from './orchestrator-workers-workers.js';

/** What the rounds left for reduce, writeup and artifacts. */
export interface RoundsOutcome {
  readonly workers: WorkerRecord[];
  readonly roundCount: number;
  /** The orchestrator's raw text of the last plan. */
  readonly orchestratorResponse: string;
  /** Tasks of later rounds left out because `limits.max_workers` bounds the total. */
  readonly droppedTasks: string[];
  /** The latest answer of a decomposition review, if one was asked. */
  readonly humanResponse: string | undefined;
}

/**
 * Runs up to `limits.max_rounds` rounds (default 1): the orchestrator plans (a decomposition review,
 * when configured, approves the plan or sends feedback that makes the orchestrator re-plan), then
 * the plan's workers run. An empty plan ends the rounds. Round 1 always runs its whole plan (its
 * size only bounds concurrency); later rounds may bring the total up to `limits.max_workers`, and
 * their surplus tasks are dropped and listed in `dropped_tasks`. When no task is left to spend, no
 * further round is asked for.
 */
export async function runRounds(
  context: ExecutorContextV1<OrchestratorWorkersConfig>,
): Promise<RoundsOutcome> {
  const { config } = context;
  const maxRounds = config.orchestrator.limits?.max_rounds ?? 1;
  const maxWorkers = config.orchestrator.limits?.max_workers;
  const workers: WorkerRecord[] = [];
  const droppedTasks: string[] = [];
  let orchestratorResponse = '';
  let humanResponse: string | undefined;
  let roundCount = 0;
  for (let round = 1; round <= maxRounds; round++) {
    const remaining =
      maxWorkers === undefined || round === 1 ? undefined : Math.max(0, maxWorkers - workers.length);
    if (remaining === 0) break;
    roundCount = round;
    const first = orchestratorPrompt(context.variables, round, workers, remaining);
    const plan = await reviewedPlan(context, round, first);
    orchestratorResponse = plan.response;
    humanResponse = plan.humanResponse ?? humanResponse;
    if (plan.tasks.length === 0) break;
    const tasks = remaining === undefined ? plan.tasks : plan.tasks.slice(0, remaining);
    droppedTasks.push(...plan.tasks.slice(tasks.length));
    workers.push(...(await runWorkers(context, round, tasks, workers.length)));
  }
  return { workers, roundCount, orchestratorResponse, droppedTasks, humanResponse };
}

/** One round's plan, re-planned with the reviewer's feedback until the reviewer approves. */
async function reviewedPlan(
  context: ExecutorContextV1<OrchestratorWorkersConfig>,
  round: number,
  first: string,
): Promise<OrchestratorPlan & { readonly humanResponse: string | undefined }> {
  const { config } = context;
  let asked = await askOrchestrator(context, config.orchestrator.agent, round, 1, first);
  const gate = config.decomposition_review;
  if (gate === undefined) return { ...asked, humanResponse: undefined };
  for (let revision = 1; ; revision++) {
    const scope = {
      orchestrator_response: asked.response,
      tasks: asked.tasks.map((task) => ({ task })),
      task_count: asked.tasks.length,
      round,
    };
    const review = await askReview(context, gate, 'decomposition_review', `${round}/${revision}`, scope);
    if (review.verdict === 'approve') return { ...asked, humanResponse: review.answer };
    asked = await askOrchestrator(context, config.orchestrator.agent, round, asked.nextAttempt, first, {
      previous: asked.tasks,
      feedback: review.answer,
    });
  }
}
