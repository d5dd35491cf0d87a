import { randomUUID } from 'node:crypto';
import type { DBOSClient } from '@dbos-inc/dbos-sdk';
import { SessionError } from '@strands-cli/core/spec';
import type { Pool } from 'pg';
import { strandsSchema } from './engine-schema.js';
import { type QueuedRunOutput, queuedRunWorkflowName, runQueueName } from './queued-run-types.js';
import { knownWorkers } from './worker-lease.js';
import { takeOverWorkers, type WorkflowAdmin } from './worker-takeover.js';

/** What `strands runs resume` did. */
export interface ResumedRunV1 {
  /** The run that continues: the same id, or a new one when a failed run was forked. */
  readonly runId: string;
  /** The run it continues from (equal to runId unless forked). */
  readonly from: string;
  readonly status: 'ENQUEUED';
}

function unknownRun(id: string): SessionError {
  return new SessionError(`No submitted run ${id} on this database`, id, {
    hint: 'List the runs with `strands runs list`.',
  });
}

async function submittedStatus(client: DBOSClient, id: string): Promise<string> {
  const status = await client.getWorkflow(id);
  if (!status || status.workflowName !== queuedRunWorkflowName) throw unknownRun(id);
  return status.status;
}

/**
 * Cancels a submitted run: DBOS marks it CANCELLED (a queued run is never started) and the worker
 * executing it aborts it, its in-flight request included, within its cancel-poll interval.
 */
export async function cancelRun(client: DBOSClient, id: string): Promise<string> {
  const status = await submittedStatus(client, id);
  if (status === 'SUCCESS' || status === 'ERROR') {
    throw new SessionError(`Run ${id} has already ended (${status}); there is nothing to cancel`, id);
  }
  await client.cancelWorkflow(id);
  return 'CANCELLED';
}

/**
 * Continues a cancelled or failed run from its journal: a cancelled run goes back on the queue under
 * its id; a failed one (it ended with an error output) is forked to a new run id whose journal
 * starts as a copy of the failed run's, so every effect it completed answers from the journal.
 */
export async function resumeRun(client: DBOSClient, pool: Pool, id: string): Promise<ResumedRunV1> {
  const status = await submittedStatus(client, id);
  if (status === 'CANCELLED') {
    await client.resumeWorkflow(id, { queueName: runQueueName });
    return { runId: id, from: id, status: 'ENQUEUED' };
  }
  if (status === 'SUCCESS') {
    const output = (await client.retrieveWorkflow<QueuedRunOutput>(id).getResult()) as QueuedRunOutput;
    if (output.ok) throw new SessionError(`Run ${id} completed; there is nothing to resume`, id);
    const forked = randomUUID();
    await pool.query(
      `INSERT INTO ${strandsSchema}.journal (run_id, position, kind, request_hash, result, at)
       SELECT $2, position, kind, request_hash, result, at FROM ${strandsSchema}.journal
       WHERE run_id = $1 ORDER BY id`,
      [id, forked],
    );
    await client.forkWorkflow(id, 0, { newWorkflowID: forked, queueName: runQueueName });
    return { runId: forked, from: id, status: 'ENQUEUED' };
  }
  throw new SessionError(`Run ${id} is ${status}: only a cancelled or failed run can be resumed`, id, {
    hint:
      status === 'PENDING'
        ? 'A run whose worker died is taken over automatically after the lease timeout, or now with `strands recover`.'
        : 'Wait for it to end.',
  });
}

/**
 * Takes over the runs of dead workers now (no lease timeout): the named one, or every worker whose
 * lease is free. A live worker (its lease held) is left alone; naming one is an error.
 */
export async function recoverRuns(
  client: DBOSClient,
  pool: Pool,
  fromWorker?: string,
): Promise<Array<{ readonly worker: string; readonly runs: readonly string[] }>> {
  const names = fromWorker ? [fromWorker] : await knownWorkers(pool);
  const taken = await takeOverWorkers(pool, client as unknown as WorkflowAdmin, names);
  if (fromWorker && !taken.has(fromWorker)) {
    throw new SessionError(
      `Worker ${fromWorker} is alive (it holds its lease): its runs stay with it`,
      fromWorker,
      {
        hint: 'Stop it (SIGTERM drains it) or let it finish; recover only takes over workers that are gone.',
      },
    );
  }
  return [...taken].map(([worker, runs]) => ({ worker, runs }));
}
