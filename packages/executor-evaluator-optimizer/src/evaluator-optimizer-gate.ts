import { askHumanStep } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, StepRefV1 } from '@strands-cli/core/spec';
import type { EvaluatorOptimizerConfig } from './evaluator-optimizer-config.js';

/** Answers to the review gate that accept the current draft and end the loop (case-insensitive). */
export const ACCEPT_ANSWERS: readonly string[] = ['approve', 'approved', 'accept', 'stop'];
/** Answers that let the loop revise as usual, with no feedback (case-insensitive; empty counts too). */
export const CONTINUE_ANSWERS: readonly string[] = ['continue'];

/** What a reviewer's answer asks for. */
export type GateDecision =
  | { readonly action: 'accept'; readonly answer: string }
  | { readonly action: 'revise'; readonly answer: string; readonly feedback: string };

/** Reads a reviewer's answer: accept the draft, revise, or revise with the answer as feedback. */
export function gateDecision(answer: string): GateDecision {
  const word = answer.trim().toLowerCase();
  if (ACCEPT_ANSWERS.includes(word)) return { action: 'accept', answer };
  if (word === '' || CONTINUE_ANSWERS.includes(word)) return { action: 'revise', answer, feedback: '' };
  return { action: 'revise', answer, feedback: answer.trim() };
}

/**
 * Checks an answer against `review_gate.validation.pattern`.
 * @returns what is wrong, or undefined when the answer matches (or there is no pattern).
 */
export function gateProblem(answer: string, pattern: string | undefined): string | undefined {
  if (pattern === undefined || new RegExp(pattern).test(answer.trim())) return undefined;
  return `${JSON.stringify(answer)} does not match the review gate's pattern /${pattern}/`;
}

/**
 * Asks a person to review the evaluation of `iteration` (`review_gate`), whose `context_display`
 * sees `scope` (draft, evaluation, iteration, iteration_index, iterations). The answer is journaled
 * at this iteration's position, so a resumed run does not ask again.
 */
export async function reviewIteration(
  context: ExecutorContextV1<EvaluatorOptimizerConfig>,
  iteration: number,
  scope: Readonly<Record<string, unknown>>,
): Promise<GateDecision> {
  const gate = context.config.review_gate;
  if (gate === undefined) return { action: 'revise', answer: '', feedback: '' };
  const ref: StepRefV1 = {
    kind: 'review-gate',
    label: `iteration ${iteration} review`,
    pointer: '/pattern/config/review_gate',
    occurrence: iteration,
  };
  const answer = await askHumanStep(context, gate, ref, scope, (given) =>
    gateProblem(given, gate.validation?.pattern),
  );
  return gateDecision(answer);
}
