/** The DBOS queue that submitted runs wait on until a worker takes them. */
export const runQueueName = 'strands-runs';

/** The DBOS workflow name of a submitted run. */
export const queuedRunWorkflowName = 'strands.queued-run';

/** The input of a submitted run, stored by DBOS: the spec's text (never a path) and variables. */
export interface QueuedRunInput {
  readonly specName: string;
  readonly specText: string;
  readonly vars: readonly string[];
}

/** One artifact a run rendered, carried back to the submitter as text. */
export interface ArtifactFileV1 {
  /** Relative to the artifact directory, already checked by the worker's artifact rules. */
  readonly path: string;
  readonly content: string;
}

/**
 * What a submitted run's workflow returns: its response and artifacts, or why it failed (with the
 * exit code a local run would have had). Failures are results, not thrown errors, so the exit code
 * and hint reach the submitter intact.
 */
export type QueuedRunOutput =
  | {
      readonly ok: true;
      readonly response: string;
      readonly artifacts: readonly ArtifactFileV1[];
      readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
    }
  | { readonly ok: false; readonly exitCode: number; readonly message: string; readonly hint?: string };

/** The DBOS event a paused run publishes: the question it waits on (`null` once answered). */
export const pausedEventKey = 'strands.paused';

/** The DBOS message topic `strands approve` sends a human answer on. */
export const answerTopic = 'strands.answer';

/** A human-in-the-loop question a submitted run waits on (what `runs show` prints). */
export interface PausedQuestionV1 {
  readonly position: string;
  readonly prompt?: string;
  readonly contextDisplay?: string;
}
