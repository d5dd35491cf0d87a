import { HUMAN_AGENT_ID } from '@strands-cli/core/executor-utils';
import type { AgentResultV1 } from '@strands-cli/core/spec';
import type { TaskAncestry } from './workflow-ancestry.js';
import type { WorkflowTask } from './workflow-config.js';

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
  /** The answer parsed as JSON, when the agent declares an `output_schema` (`tasks.x.json.priority`). */
  readonly json?: unknown;
}

/** Builds the record of a finished task from the agent's result. */
export function taskRecord(agentId: string, result: AgentResultV1): TaskRecord {
  return {
    response: result.text,
    status: 'success',
    agent: agentId,
    tokens_estimated: result.usage.inputTokens + result.usage.outputTokens,
    usage: { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens },
    ...(result.json === undefined ? {} : { json: result.json }),
  };
}

/** The record of a human-in-the-loop task: the answer is its response, and it used no tokens. */
export function humanTaskRecord(answer: string): TaskRecord {
  return {
    response: answer,
    status: 'success',
    agent: HUMAN_AGENT_ID,
    tokens_estimated: 0,
    usage: { input_tokens: 0, output_tokens: 0 },
  };
}

/**
 * For each task with a human-in-the-loop ancestor, the id of the last such ancestor in spec order:
 * whose answer the task sees as `hitl_response`. Chosen from the graph, never from which answer came
 * last, so what a task reads does not depend on timing.
 */
export function latestHumanAncestors(
  tasks: readonly WorkflowTask[],
  ancestry: Pick<TaskAncestry, 'has'>,
): Map<string, string> {
  const humans = tasks.filter((task) => !('agent' in task)).reverse();
  const latest = new Map<string, string>();
  if (humans.length === 0) return latest;
  for (const task of tasks) {
    const found = humans.find((human) => ancestry.has(human.id, task.id));
    if (found !== undefined) latest.set(task.id, found.id);
  }
  return latest;
}
