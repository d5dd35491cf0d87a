import type { Pool } from 'pg';
import { queuedRunWorkflowName, runQueueName } from './queued-run-types.js';
import { type TakeoverActions, takeOverWorker } from './worker-lease.js';

/** What re-queueing needs from DBOS: the SDK in a worker, a `DBOSClient` in `strands recover`. */
export interface WorkflowAdmin {
  listWorkflows(input: {
    readonly status: 'PENDING';
    readonly workflowName: string;
    readonly executorId: string;
  }): Promise<ReadonlyArray<{ readonly workflowID: string }>>;
  resumeWorkflows(ids: string[], options: { readonly queueName: string }): Promise<unknown>;
}

/** The takeover actions on DBOS: a dead worker's PENDING submitted runs go back on the run queue. */
export function dbosTakeoverActions(admin: WorkflowAdmin): TakeoverActions {
  return {
    pendingRuns: async (workerId) =>
      (
        await admin.listWorkflows({
          status: 'PENDING',
          workflowName: queuedRunWorkflowName,
          executorId: workerId,
        })
      ).map((row) => row.workflowID),
    requeue: async (runIds) => {
      await admin.resumeWorkflows([...runIds], { queueName: runQueueName });
    },
  };
}

/** Takes over each of `workerIds` that is gone; resolves with the runs re-queued per worker taken over. */
export async function takeOverWorkers(
  pool: Pool,
  admin: WorkflowAdmin,
  workerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const taken = new Map<string, string[]>();
  const actions = dbosTakeoverActions(admin);
  for (const workerId of workerIds) {
    const runs = await takeOverWorker(pool, workerId, actions);
    if (runs) taken.set(workerId, runs);
  }
  return taken;
}
