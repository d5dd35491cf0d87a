import { extractJson, isJsonObject } from '@strands-cli/core/executor-utils';

/**
 * The orchestrator's prompts and the parsing of its answer. The orchestrator has no `input` of its
 * own: it gets a built-in instruction that embeds the user's variables as JSON, so its agent prompt
 * says what to split and this instruction says how to answer.
 */

const answerShape =
  'Respond with ONLY a JSON array of objects, each with a "task" string: [{"task": "..."}]. ' +
  'Respond with [] when there is no work to do.';

/** One finished worker, as the follow-up prompt shows it to the orchestrator. */
export interface WorkerSummary {
  readonly task: string;
  readonly response: string;
  readonly status: string;
}

/**
 * The first instruction of a round. Round 1 asks for the split; a later round shows every result so
 * far and asks for more tasks or `[]` to finish, with how many tasks are still allowed when
 * `limits.max_workers` bounds the total.
 */
export function orchestratorPrompt(
  variables: Readonly<Record<string, unknown>>,
  round: number,
  results: readonly WorkerSummary[],
  remaining: number | undefined,
): string {
  const vars = `Variables: ${JSON.stringify(variables)}`;
  if (round === 1) {
    return `Break the work into independent subtasks for worker agents.\n${vars}\n\n${answerShape}`;
  }
  const allowed = remaining === undefined ? '' : ` You may add at most ${remaining} more task(s).`;
  return (
    `Round ${round - 1} is done. The workers' results so far:\n${JSON.stringify(results, null, 2)}\n${vars}\n\n` +
    `If more work is needed, return the additional subtasks; if the work is complete, return [].${allowed}\n${answerShape}`
  );
}

/** The instruction of a retry after an answer that was not a task list. */
export function clarificationPrompt(first: string, previous: string): string {
  return (
    `${first}\n\nYour previous response was not a valid JSON array of {"task": "..."} objects:\n` +
    `${preview(previous)}\nRespond with ONLY the JSON array, e.g. [{"task": "..."}], or [] for no work.`
  );
}

/** The instruction of a re-plan after a reviewer's feedback on the previous plan. */
export function revisionPrompt(first: string, plan: readonly string[], feedback: string): string {
  return (
    `${first}\n\nA reviewer read your previous plan:\n${JSON.stringify(plan.map((task) => ({ task })))}\n` +
    `and asked for changes: ${feedback}\nReturn the revised plan. ${answerShape}`
  );
}

/**
 * Extracts the task texts: the whole answer, the first fenced block, then the outermost `[...]` of
 * the text. A candidate counts only if it is an array whose every item is an object with a string
 * `task` (other keys are allowed); `[]` is a valid, empty plan.
 * @example extractTasks('Plan:\n[{"task": "a"}]') // ['a']
 */
export function extractTasks(text: string): string[] | undefined {
  return extractJson(text, tasksOf, /\[[\s\S]*\]/);
}

function tasksOf(parsed: unknown): string[] | undefined {
  if (!Array.isArray(parsed)) return undefined;
  const tasks: string[] = [];
  for (const item of parsed) {
    if (!isJsonObject(item) || typeof item.task !== 'string') return undefined;
    tasks.push(item.task);
  }
  return tasks;
}

/** Keeps prompts and error messages readable when a model rambles. */
export function preview(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
