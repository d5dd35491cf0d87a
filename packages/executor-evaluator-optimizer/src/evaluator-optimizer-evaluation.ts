import { extractJson, isJsonObject } from '@strands-cli/core/executor-utils';

/** An evaluator's verdict on one draft. */
export interface Evaluation {
  /** An integer from 0 to 100. */
  readonly score: number;
  readonly issues: readonly string[];
  readonly fixes: readonly string[];
  /** The evaluator's free-form `feedback` field, or a reviewer's answer; `''` when there is none. */
  readonly feedback: string;
}

/** What parsing an evaluator's answer found: an evaluation, or why the answer is not one. */
export type EvaluationParse =
  | { readonly ok: true; readonly evaluation: Evaluation }
  | { readonly ok: false; readonly problem: string };

/** The shape the evaluator is asked for, named in every instruction it gets. */
export const EVALUATION_SHAPE =
  '{"score": <integer 0-100>, "issues": ["<issue>", ...], "fixes": ["<fix>", ...]}';

/** Appended to the evaluator's input so it always knows the fields to return. */
export const EVALUATION_INSTRUCTION = `Respond with valid JSON: ${EVALUATION_SHAPE}`;

/** Opens the evaluator's input when `evaluator.input` is absent; the draft follows. */
export const DEFAULT_EVALUATOR_PROMPT =
  'Evaluate the following draft. Give it a score from 0 to 100, list its issues and the fixes that would resolve them.';

/**
 * The clarification sent once after a malformed answer: what was wrong, then the shape again.
 * @example clarification('the score 150 is outside 0-100')
 */
export function clarification(problem: string): string {
  return `Your previous response could not be used: ${problem}. Respond with ONLY valid JSON: ${EVALUATION_SHAPE}`;
}

/**
 * Parses an evaluator's answer with the three-stage JSON extraction (whole text, first fenced block,
 * first `{...}` without nested braces that mentions `"score"`). The score must be an integer from 0
 * to 100 (a string of digits counts): an out-of-range or fractional score is refused rather than
 * clamped, because a scale mix-up (0-10, 0-1) would otherwise pass or fail the draft silently.
 * `issues` and `fixes` may be absent (empty), a string (one item) or a list (items as text).
 * @example parseEvaluation('{"score": 80, "issues": ["thin"]}') // { ok: true, evaluation: {...} }
 */
export function parseEvaluation(text: string): EvaluationParse {
  let problem = 'no JSON object with a "score" was found';
  const evaluation = extractJson(
    text,
    (parsed) => {
      const outcome = toEvaluation(parsed);
      if (typeof outcome === 'string') {
        problem = outcome;
        return undefined;
      }
      return outcome;
    },
    /\{[^{}]*"score"[^{}]*\}/,
  );
  return evaluation === undefined ? { ok: false, problem } : { ok: true, evaluation };
}

function toEvaluation(parsed: unknown): Evaluation | string | undefined {
  if (!isJsonObject(parsed) || !('score' in parsed)) return undefined;
  const raw = parsed.score;
  const score = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 100) {
    return `the score ${JSON.stringify(raw)} is not an integer from 0 to 100`;
  }
  const issues = toList(parsed.issues);
  if (issues === undefined) return '"issues" is not a list of strings';
  const fixes = toList(parsed.fixes);
  if (fixes === undefined) return '"fixes" is not a list of strings';
  const feedback = typeof parsed.feedback === 'string' ? parsed.feedback : '';
  return { score, issues, fixes, feedback };
}

function toList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}
