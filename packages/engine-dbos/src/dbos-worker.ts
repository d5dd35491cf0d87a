import type { JournalStoreV1 } from '@strands-cli/core/spec';
import type { Pool } from 'pg';
import { applicationVersion } from './application-version.js';
import { launchDbos } from './dbos-launch.js';
import { ensureEngineSchema } from './engine-schema.js';
import { createPostgresJournal } from './postgres-journal.js';
import {
  type QueuedRunInput,
  type QueuedRunOutput,
  queuedRunWorkflowName,
  runQueueName,
} from './queued-run-types.js';

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  readonly databaseUrl: string;
  /**
   * This worker's name, its DBOS executor id: a worker restarted under the same name recovers the
   * runs it had in flight when it stopped or died.
   */
  readonly workerId: string;
  /** How many runs one worker executes at once (the queue's per-worker limit). */
  readonly concurrency: number;
  /** Runs a submitted spec with the run's journal; must not throw (failures are outputs). */
  readonly execute: (
    input: QueuedRunInput,
    run: { readonly runId: string; readonly journal: JournalStoreV1 },
  ) => Promise<QueuedRunOutput>;
}

/** A running worker. */
export interface Worker {
  /**
   * Stops taking runs, waits up to `timeoutMs` for the runs in flight to finish, then disconnects.
   * A run still unfinished stays pending under this worker's name, for its restart to recover.
   */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Starts a worker in this process: it takes submitted runs from the `strands-runs` queue (only runs
 * submitted by the same engine and spec-format version) and executes them, each as a DBOS workflow
 * whose journal is kept in PostgreSQL under the run's id.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 + options.concurrency });
  try {
    await ensureEngineSchema(pool);
    DBOS.registerWorkflow(
      async (input: QueuedRunInput): Promise<QueuedRunOutput> => {
        const runId = DBOS.workflowID as string;
        return options.execute(input, { runId, journal: createPostgresJournal({ pool, runId }) });
      },
      { name: queuedRunWorkflowName },
    );
    await launchDbos({
      databaseUrl: options.databaseUrl,
      applicationVersion: applicationVersion(),
      executorId: options.workerId,
      listenQueues: [runQueueName],
    });
    await DBOS.registerQueue(runQueueName, {
      workerConcurrency: options.concurrency,
      onConflict: 'always_update',
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    drain: async (timeoutMs) => {
      await DBOS.shutdown({ workflowCompletionTimeoutMS: timeoutMs });
      await pool.end();
    },
  };
}
