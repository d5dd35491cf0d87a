import { askHumanStep } from '@strands-cli/core/executor-utils';
import type { ExecutorContextV1, HitlStepSpec } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';

/** A review gate as configured: a human step whose answer may have to match a pattern. */
export type ReviewGate = HitlStepSpec & { readonly validation?: { readonly pattern: string } };

/** What a reviewer's answer asks for. */
export type ReviewVerdict = 'approve' | 'reject' | 'feedback';

const approvals = new Set(['approve', 'approved', 'yes', 'y', 'ok', 'lgtm']);

/**
 * Reads a review answer: `approve`/`approved`/`yes`/`y`/`ok`/`lgtm` (any case) approves, `reject`
 * stops the run, anything else is feedback.
 */
export function verdictOf(answer: string): ReviewVerdict {
  const word = answer.trim().toLowerCase();
  if (approvals.has(word)) return 'approve';
  return word === 'reject' || word === 'rejected' ? 'reject' : 'feedback';
}

/** The check a gate's `validation.pattern` adds to its answers. */
function validator(gate: ReviewGate): ((answer: string) => string | undefined) | undefined {
  const source = gate.validation?.pattern;
  if (source === undefined) return undefined;
  const pattern = new RegExp(source);
  return (answer) =>
    pattern.test(answer) ? undefined : `${JSON.stringify(answer)} does not match the pattern /${source}/`;
}

/**
 * Asks a review gate's question with `scope` for its `context_display`, and stops the run when the
 * answer is `reject`.
 * @throws RuntimeFailure naming the gate when the reviewer rejects.
 */
export async function askReview(
  context: ExecutorContextV1<unknown>,
  gate: ReviewGate,
  name: 'decomposition_review' | 'reduce_review',
  occurrence: string | undefined,
  scope: Readonly<Record<string, unknown>>,
): Promise<{ readonly answer: string; readonly verdict: ReviewVerdict }> {
  const ref = {
    kind: name,
    label: name.replace('_', ' '),
    pointer: `/pattern/config/${name}`,
    ...(occurrence === undefined ? {} : { occurrence }),
  };
  const answer = await askHumanStep(context, gate, ref, scope, validator(gate));
  const verdict = verdictOf(answer);
  if (verdict === 'reject') {
    throw new RuntimeFailure(`The ${ref.label} rejected the run`, {
      hint: 'Answer approve to continue (or, for the decomposition review, give feedback to re-plan).',
    });
  }
  return { answer, verdict };
}
