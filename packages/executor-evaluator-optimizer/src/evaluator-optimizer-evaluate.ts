import type { ExecutorContextV1 } from '@strands-cli/core/spec';
import { RuntimeFailure, StepFailedError } from '@strands-cli/core/spec';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';
import {
  clarification,
  DEFAULT_EVALUATOR_PROMPT,
  EVALUATION_INSTRUCTION,
  type Evaluation,
  parseEvaluation,
} from './evaluator-optimizer-evaluation.js';

const pointer = '/pattern/config/evaluator';

/**
 * Asks the evaluator to score the draft of `iteration`: `evaluator.input` rendered with `draft` (or
 * a default prompt followed by the draft), then the JSON instruction naming the fields. A malformed
 * answer gets one clarification retry that says what was wrong; both invocations are journal
 * positions of this iteration, so a resumed run replays them.
 * @throws RuntimeFailure when the retry is malformed too, previewing the last answer.
 */
export async function evaluateDraft(
  context: ExecutorContextV1<EvaluatorOptimizerConfig>,
  draft: string,
  iteration: number,
): Promise<Evaluation> {
  const { evaluator } = context.config;
  let body: string;
  if (evaluator.input === undefined) {
    body = `${DEFAULT_EVALUATOR_PROMPT}\n\n${draft}`;
  } else {
    try {
      body = context.render(evaluator.input, { draft }, `${pointer}/input`);
    } catch (error) {
      throw new StepFailedError(`iteration ${iteration} evaluator`, evaluator.agent, error);
    }
  }
  const first = await context.invokeAgent({
    agentId: evaluator.agent,
    input: `${body}\n\n${EVALUATION_INSTRUCTION}`,
    step: { kind: 'evaluator', label: `iteration ${iteration} evaluator`, pointer, occurrence: iteration },
  });
  const parsed = parseEvaluation(first.text);
  if (parsed.ok) return parsed.evaluation;
  const retry = await context.invokeAgent({
    agentId: evaluator.agent,
    input: `${body}\n\n${clarification(parsed.problem)}`,
    step: {
      kind: 'evaluator',
      label: `iteration ${iteration} evaluator retry`,
      pointer,
      // The retry is a second position of the same iteration.
      occurrence: `${iteration}/retry`,
    },
  });
  const second = parseEvaluation(retry.text);
  if (second.ok) return second.evaluation;
  throw new RuntimeFailure(
    `Evaluator (agent '${evaluator.agent}') returned no usable evaluation at iteration ${iteration}, even after a clarification: ${second.problem}; last response: ${JSON.stringify(preview(retry.text))}`,
    {
      hint: 'Make the evaluator answer with only {"score": <integer 0-100>, "issues": [...], "fixes": [...]} (its prompt or pattern.config.evaluator.input).',
    },
  );
}

/** Keeps error messages readable when a model rambles. */
export function preview(text: string, length = 200): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
