import type { StepOutcome } from './parallel-step.js';

/** Token usage as templates see it (snake_case, like the rest of the spec). */
export interface UsageRecord {
  readonly input_tokens: number;
  readonly output_tokens: number;
}

/** One finished step of a branch: `steps[n]` inside the branch. */
export interface BranchStepRecord {
  /** 0-based position in the branch. */
  readonly index: number;
  readonly agent: string;
  readonly response: string;
  /** Input + output tokens of the invocation (the core estimates them when a provider reports none). */
  readonly tokens_estimated: number;
  readonly usage: UsageRecord;
  /** The answer parsed as JSON, when the agent declares an `output_schema` (`steps[0].json.x`). */
  readonly json?: unknown;
}

/** A finished branch: `branches.<id>` in the reduce input and in artifacts. */
export interface BranchRecord {
  /** The response of the branch's last step. */
  readonly response: string;
  readonly status: 'success';
  /** Summed over the branch's steps. */
  readonly tokens_estimated: number;
  readonly usage: UsageRecord;
  /** The parsed answer of the branch's last step, when its agent declares an `output_schema`. */
  readonly json?: unknown;
}

/** Builds the record of a finished step from its outcome (a person's answer uses no tokens). */
export function stepRecord(index: number, outcome: StepOutcome): BranchStepRecord {
  const { usage } = outcome;
  return {
    index,
    agent: outcome.agentId,
    response: outcome.text,
    tokens_estimated: usage.inputTokens + usage.outputTokens,
    usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens },
    ...(outcome.json === undefined ? {} : { json: outcome.json }),
  };
}

/** Sums a branch's step records into its branch record. */
export function branchRecord(steps: readonly BranchStepRecord[]): BranchRecord {
  return {
    response: steps.at(-1)?.response ?? '',
    status: 'success',
    tokens_estimated: steps.reduce((sum, step) => sum + step.tokens_estimated, 0),
    usage: {
      input_tokens: steps.reduce((sum, step) => sum + step.usage.input_tokens, 0),
      output_tokens: steps.reduce((sum, step) => sum + step.usage.output_tokens, 0),
    },
    ...(steps.at(-1)?.json === undefined ? {} : { json: steps.at(-1)?.json }),
  };
}
