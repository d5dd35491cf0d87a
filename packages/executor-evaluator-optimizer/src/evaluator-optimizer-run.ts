import { toPointer } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, ExecutorResultV1 } from '@strands-cli/core/spec';
import { RuntimeFailure, StepFailedError } from '@strands-cli/core/spec';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';
import { evaluateDraft, preview } from './evaluator-optimizer-evaluate.js';
import type { Evaluation } from './evaluator-optimizer-evaluation.js';
import { reviewIteration } from './evaluator-optimizer-gate.js';
import { defaultRevisePrompt, type ReviseScope, withReviewerFeedback } from './evaluator-optimizer-revise.js';

/** strands-cli's default for `accept.max_iters`. */
export const DEFAULT_MAX_ITERS = 3;

/** One evaluated draft, as `history` holds it. */
export interface IterationRecord {
  readonly iteration: number;
  readonly score: number;
  readonly issues: readonly string[];
  readonly fixes: readonly string[];
  readonly draft_preview: string;
  readonly draft: string;
  readonly evaluation: Evaluation;
  /** The reviewer's answer at this iteration's gate, when one was asked. */
  readonly review?: string;
}

/**
 * Runs an `evaluator_optimizer` pattern: the producer writes a first draft from its own agent prompt
 * (rendered with the variables), the evaluator scores it as JSON, and while the score is below
 * `min_score` and iterations remain the producer revises it (`revise_prompt`). With a `review_gate`,
 * a person reviews each evaluation that is not accepted before the revision: `approve`/`approved`/
 * `accept`/`stop` accept the draft as is, `continue` (or nothing) revises, any other answer is passed
 * to the producer as reviewer feedback. Every invocation's occurrence is its iteration number, so a
 * resumed run replays the iterations it completed.
 * @throws RuntimeFailure (exit 10) with the score history when the last score is below `min_score`.
 */
export async function runEvaluatorOptimizer(
  context: ExecutorContextV1<EvaluatorOptimizerConfig>,
): Promise<ExecutorResultV1> {
  const { config } = context;
  const minScore = config.accept.min_score;
  const maxIters = config.accept.max_iters ?? DEFAULT_MAX_ITERS;
  const history: IterationRecord[] = [];
  let draft = await produce(context, 1, firstDraftRequest(context));
  for (let iteration = 1; iteration <= maxIters; iteration++) {
    const evaluation = await evaluateDraft(context, draft, iteration);
    const record: IterationRecord = {
      iteration,
      score: evaluation.score,
      issues: evaluation.issues,
      fixes: evaluation.fixes,
      draft_preview: preview(draft, 200),
      draft,
      evaluation,
    };
    history.push(record);
    if (evaluation.score >= minScore) return finish(context, draft, history, maxIters);
    // A last evaluation below the target fails the run whatever a reviewer says, so nobody is asked.
    if (iteration === maxIters) break;
    const decision = await reviewIteration(context, iteration, {
      draft,
      evaluation,
      iteration,
      iteration_index: iteration - 1,
      iterations: [...history],
      min_score: minScore,
      max_iters: maxIters,
    });
    if (config.review_gate !== undefined)
      history[history.length - 1] = { ...record, review: decision.answer };
    if (decision.action === 'accept') return finish(context, draft, history, maxIters);
    const scope: ReviseScope = {
      draft,
      evaluation,
      iteration,
      ...(config.review_gate === undefined ? {} : { hitl_response: decision.answer }),
    };
    draft = await produce(
      context,
      iteration + 1,
      withReviewerFeedback(reviseRequest(context, scope), decision.feedback),
    );
  }
  const scores = history.map((entry) => entry.score).join(', ');
  const last = history.at(-1);
  throw new RuntimeFailure(
    `Evaluator-optimizer did not reach min_score ${minScore} in ${maxIters} iteration(s); scores: ${scores}; last issues: ${last?.issues.join('; ') || '(none)'}`,
    {
      hint: 'Raise pattern.config.accept.max_iters, lower accept.min_score, or sharpen the producer and revise_prompt.',
    },
  );
}

function finish(
  context: ExecutorContextV1<EvaluatorOptimizerConfig>,
  draft: string,
  history: readonly IterationRecord[],
  maxIters: number,
): ExecutorResultV1 {
  const last = history.at(-1);
  const summary = {
    iterations: history.length,
    final_score: last?.score ?? 0,
    min_score: context.config.accept.min_score,
    max_iters: maxIters,
    history,
    last_evaluation: last?.evaluation,
  };
  return {
    response: draft,
    agentId: context.config.producer,
    // strands-cli's artifacts read these under `execution_context`; they are also at the top level.
    context: { ...summary, execution_context: summary },
  };
}

/** The producer's own prompt, rendered with the variables, asks for the first draft. */
function firstDraftRequest(context: ExecutorContextV1<EvaluatorOptimizerConfig>): string {
  const producer = context.config.producer;
  const agent = Object.hasOwn(context.spec.agents, producer) ? context.spec.agents[producer] : undefined;
  try {
    return context.render(agent?.prompt, {}, toPointer(['agents', producer, 'prompt']));
  } catch (error) {
    throw new StepFailedError('iteration 1 producer', producer, error);
  }
}

function reviseRequest(context: ExecutorContextV1<EvaluatorOptimizerConfig>, scope: ReviseScope): string {
  const { config } = context;
  if (config.revise_prompt === undefined) return defaultRevisePrompt(scope, config.accept.min_score);
  try {
    return context.render(config.revise_prompt, { ...scope }, '/pattern/config/revise_prompt');
  } catch (error) {
    throw new StepFailedError(`iteration ${scope.iteration + 1} producer`, config.producer, error);
  }
}

async function produce(
  context: ExecutorContextV1<EvaluatorOptimizerConfig>,
  iteration: number,
  input: string,
): Promise<string> {
  const result = await context.invokeAgent({
    agentId: context.config.producer,
    input,
    step: {
      kind: 'producer',
      label: iteration === 1 ? 'iteration 1 producer' : `iteration ${iteration} producer (revision)`,
      pointer: '/pattern/config/producer',
      occurrence: iteration,
    },
  });
  return result.text;
}
