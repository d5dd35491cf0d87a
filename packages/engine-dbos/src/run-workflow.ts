/** The input of the run-attempt workflow, stored by DBOS: the spec's text, never a path. */
export interface RunAttemptInput {
  readonly runId: string;
  readonly attempt: number;
  readonly specName: string;
  readonly specText: string;
  readonly vars: readonly string[] | Readonly<Record<string, unknown>>;
}

/** What the workflow records as its output (the run's real result stays in the process). */
interface RunAttemptOutput {
  readonly runId: string;
  readonly attempt: number;
}

/** The code of each attempt started by this process, by workflow id. */
const attemptBodies = new Map<string, () => Promise<void>>();

let registered: ((input: RunAttemptInput) => Promise<RunAttemptOutput>) | undefined;

/** The DBOS workflow id of a run's attempt. */
export function attemptWorkflowId(runId: string, attempt: number): string {
  return `${runId}.${attempt}`;
}

/** Registers the run-attempt workflow of `run --database` (before DBOS launches; once per process). */
export async function registerRunAttemptWorkflow(): Promise<void> {
  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  registered ??= DBOS.registerWorkflow(
    async (input: RunAttemptInput): Promise<RunAttemptOutput> => {
      const body = attemptBodies.get(attemptWorkflowId(input.runId, input.attempt));
      // Attempts are never recovered by DBOS on their own (each process is its own executor, and a
      // rerun starts a new attempt): a body missing here means a foreign recovery, which must not run.
      if (!body) throw new Error(`attempt ${input.attempt} of run ${input.runId} belongs to another process`);
      await body();
      return { runId: input.runId, attempt: input.attempt };
    },
    { name: 'strands.run-attempt' },
  );
}

/**
 * Runs `execute` as the DBOS workflow of one attempt and resolves with its value. Its error, when it
 * fails, is rethrown as it was (DBOS records the attempt as failed). An earlier attempt DBOS still
 * lists as pending (its process was killed) is cancelled first, so nothing can ever recover it.
 */
export async function runAttemptWorkflow<T>(input: RunAttemptInput, execute: () => Promise<T>): Promise<T> {
  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  if (!registered) throw new Error('registerRunAttemptWorkflow() must run before runAttemptWorkflow()');
  for (let earlier = 1; earlier < input.attempt; earlier += 1) {
    const id = attemptWorkflowId(input.runId, earlier);
    const status = await DBOS.getWorkflowStatus(id);
    if (status && (status.status === 'PENDING' || status.status === 'ENQUEUED'))
      await DBOS.cancelWorkflow(id);
  }
  const workflowId = attemptWorkflowId(input.runId, input.attempt);
  let outcome: { value: T } | { error: unknown } | undefined;
  attemptBodies.set(workflowId, async () => {
    try {
      outcome = { value: await execute() };
    } catch (error) {
      outcome = { error };
      throw error;
    }
  });
  try {
    const handle = await DBOS.startWorkflow(registered, { workflowID: workflowId })(input);
    await handle.getResult().catch((error: unknown) => {
      if (!outcome) throw error;
    });
  } finally {
    attemptBodies.delete(workflowId);
  }
  if (!outcome) throw new Error(`the workflow ${workflowId} ended without running its attempt`);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
