import type { Evaluation } from './evaluator-optimizer-evaluation.js';

/** The names a `revise_prompt` sees (over the user's variables). */
export interface ReviseScope {
  readonly draft: string;
  readonly evaluation: Evaluation;
  /** The iteration whose evaluation is being addressed (1-based). */
  readonly iteration: number;
  /** The reviewer's answer at this iteration's gate, when there is a `review_gate`. */
  readonly hitl_response?: string;
}

/**
 * The revision request used when `revise_prompt` is absent: the draft, its score against the
 * target, the issues and the fixes, each as a list.
 */
export function defaultRevisePrompt(scope: ReviseScope, minScore: number): string {
  const { draft, evaluation } = scope;
  return [
    'Revise the draft below so that it addresses the evaluation. Return only the revised draft.',
    `Draft:\n${draft}`,
    `Score: ${evaluation.score}/100 (needed: ${minScore})`,
    `Issues:\n${bullets(evaluation.issues)}`,
    `Fixes:\n${bullets(evaluation.fixes)}`,
  ].join('\n\n');
}

/**
 * Adds a reviewer's feedback to a rendered revision request, so it reaches the producer even when a
 * custom `revise_prompt` does not mention it.
 */
export function withReviewerFeedback(prompt: string, feedback: string): string {
  return feedback === '' ? prompt : `${prompt}\n\nReviewer feedback:\n${feedback}`;
}

function bullets(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.map((item) => `- ${item}`).join('\n');
}
