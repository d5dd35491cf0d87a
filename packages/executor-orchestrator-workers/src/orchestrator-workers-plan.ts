import type { ExecutorContextV1 } from '@strands-cli/core/spec';
import { RuntimeFailure } from '@strands-cli/core/spec';
import { clarificationPrompt, extractTasks, preview, revisionPrompt } from './orchestrator-workers-tasks.js';

/** Answers that are not a task list are asked again this many times before the run fails. */
export const ORCHESTRATOR_RETRIES = 2;

/** A plan the orchestrator returned. */
export interface OrchestratorPlan {
  readonly tasks: string[];
  /** The orchestrator's raw text from the attempt that produced the plan. */
  readonly response: string;
}

/**
 * Asks the orchestrator of one round for its plan. `first` is the round's instruction; with
 * `feedback`, the orchestrator revises `previous` instead. Each call is a fresh conversation, so a
 * retry repeats the instruction and quotes the malformed answer. Attempts are numbered across the
 * whole round (`round/attempt`), so revisions never reuse a journal position.
 * @throws RuntimeFailure with every attempt's answer when none is a task list.
 */
export async function askOrchestrator(
  context: ExecutorContextV1<unknown>,
  agentId: string,
  round: number,
  firstAttempt: number,
  first: string,
  revision?: { readonly previous: readonly string[]; readonly feedback: string },
): Promise<OrchestratorPlan & { readonly nextAttempt: number }> {
  const base = revision === undefined ? first : revisionPrompt(first, revision.previous, revision.feedback);
  const history: string[] = [];
  for (let tries = 0; tries <= ORCHESTRATOR_RETRIES; tries++) {
    const attempt = firstAttempt + tries;
    const previous = history.at(-1);
    const input = previous === undefined ? base : clarificationPrompt(base, previous);
    // The core names the step and agent of a failed invocation.
    const result = await context.invokeAgent({
      agentId,
      input,
      step: {
        kind: 'orchestrator',
        label:
          tries === 0 ? `orchestrator round ${round}` : `orchestrator round ${round} attempt ${tries + 1}`,
        pointer: '/pattern/config/orchestrator',
        occurrence: `${round}/${attempt}`,
      },
    });
    const tasks = extractTasks(result.text);
    if (tasks !== undefined) return { tasks, response: result.text, nextAttempt: attempt + 1 };
    history.push(result.text);
  }
  const answers = history.map((text, index) => `  ${index + 1}. ${JSON.stringify(preview(text))}`).join('\n');
  throw new RuntimeFailure(
    `Orchestrator (agent '${agentId}') did not return a JSON task list after ${history.length} attempts in round ${round}; its answers:\n${answers}`,
    {
      hint: 'Make the orchestrator agent\'s prompt ask for ONLY a JSON array such as [{"task": "..."}] (or [] for no work).',
    },
  );
}
