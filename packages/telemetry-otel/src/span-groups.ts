import type { RunEvent } from '@strands-cli/core';

type StepRefV1 = Extract<RunEvent, { type: 'step-start' }>['step'];

/** A grouping span's identity, derived from a step reference. */
export interface SpanGroup {
  /** Unique within a run: steps with the same key share the group span. */
  readonly key: string;
  /** The span's name, e.g. `branch web`, `iteration 2`, `round 1`, `node review`. */
  readonly name: string;
  /** What the group stands for (the `strands.group` attribute). */
  readonly family: 'branch' | 'iteration' | 'round' | 'node';
  /**
   * True when the family's groups follow one another (iterations, rounds): a step of the next
   * group means the idle ones are over. Branches and graph nodes may come back, so they stay open.
   */
  readonly sequential: boolean;
}

const branchPointer = /^\/pattern\/config\/branches\/(\d+)\//;
const branchLabel = /^branch '(.+)' step \d+$/;
const nodeLabel = /^node '(.+)'$/;

/**
 * The group a step belongs to, from what its `step-start` event carries (kind, pointer, occurrence,
 * label), so the span tree mirrors the pattern: a parallel branch's steps, an evaluator-optimizer
 * iteration's producer and evaluator, an orchestrator round's plan and workers, a graph node's
 * visits. Undefined for steps that stand alone (a chain step, a task, a reduce step, a router).
 */
export function spanGroupOf(step: StepRefV1): SpanGroup | undefined {
  switch (step.kind) {
    case 'branch-step': {
      const index = branchPointer.exec(step.pointer)?.[1];
      if (index === undefined) return undefined;
      const id = branchLabel.exec(step.label)?.[1] ?? index;
      return { key: `branch:${index}`, name: `branch ${id}`, family: 'branch', sequential: false };
    }
    case 'producer':
    case 'evaluator':
    case 'review-gate': {
      const iteration = leadingNumber(step.occurrence);
      if (iteration === undefined) return undefined;
      return {
        key: `iteration:${iteration}`,
        name: `iteration ${iteration}`,
        family: 'iteration',
        sequential: true,
      };
    }
    case 'orchestrator':
    case 'worker': {
      const round = leadingNumber(step.occurrence);
      if (round === undefined) return undefined;
      return { key: `round:${round}`, name: `round ${round}`, family: 'round', sequential: true };
    }
    case 'node': {
      const id = nodeLabel.exec(step.label)?.[1];
      if (id === undefined) return undefined;
      return { key: `node:${id}`, name: `node ${id}`, family: 'node', sequential: false };
    }
    default:
      return undefined;
  }
}

/** `3`, `'3/retry'`, `'3:0'` → 3. */
function leadingNumber(occurrence: StepRefV1['occurrence']): number | undefined {
  if (typeof occurrence === 'number') return occurrence;
  const match = occurrence === undefined ? null : /^(\d+)/.exec(occurrence);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
