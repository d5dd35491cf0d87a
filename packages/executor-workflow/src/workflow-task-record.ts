import type { AgentResultV1 } from '@strands-cli/core/spec';

/** Token usage of one invocation as templates see it (snake_case, like the rest of the spec). */
export interface UsageRecord {
  readonly input_tokens: number;
  readonly output_tokens: number;
}

/** What `tasks.<id>` holds for a finished task, in templates and in the artifact context. */
export interface TaskRecord {
  readonly response: string;
  readonly status: 'success';
  readonly agent: string;
  /** Input + output tokens of the invocation (the core estimates them when a provider reports none). */
  readonly tokens_estimated: number;
  readonly usage: UsageRecord;
}

/** Builds the record of a finished task from the agent's result. */
export function taskRecord(agentId: string, result: AgentResultV1): TaskRecord {
  return {
    response: result.text,
    status: 'success',
    agent: agentId,
    tokens_estimated: result.usage.inputTokens + result.usage.outputTokens,
    usage: { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens },
  };
}
