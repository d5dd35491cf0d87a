import type { JournalStoreV1, RequestGateV1 } from '@strands-cli/core/spec';
import type { Pool } from 'pg';
import { applicationVersion } from './application-version.js';
import { launchDbos } from './dbos-launch.js';
import { ensureEngineSchema } from './engine-schema.js';
import { createPostgresJournal } from './postgres-journal.js';
import { createPostgresRequestGate } from './postgres-request-gate.js';
import {
  answerTopic,
  type PausedQuestionV1,
  pausedEventKey,
  type QueuedRunInput,
  type QueuedRunOutput,
  queuedRunWorkflowName,
  runQueueName,
} from './queued-run-types.js';
import { holdWorkerLease, staleWorkers } from './worker-lease.js';
import { takeOverWorkers, type WorkflowAdmin } from './worker-takeover.js';

/** How long a paused run waits for `strands approve` (a question's own timeout answers it sooner). */
const humanWaitSeconds = 30 * 24 * 3600;

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
  /**
   * How long a worker may miss its heartbeat before another worker takes its unfinished runs over
   * (only once its lease is also free: its process is gone). @default 30000
   */
  readonly leaseMs?: number;
  /** How often this worker checks whether a run it executes was cancelled. @default 1000 */
  readonly cancelPollMs?: number;
  /** Progress notes for people (runs taken over from a dead worker). */
  readonly onNote?: (line: string) => void;
  /** Runs a submitted spec with the run's journal; must not throw (failures are outputs). */
  readonly execute: (
    input: QueuedRunInput,
    run: {
      readonly runId: string;
      readonly journal: JournalStoreV1;
      readonly signal: AbortSignal;
      /** `runtime.rate_limit` counted across every worker on the database: pass it as `requestGate`. */
      readonly requestGate: RequestGateV1;
      /** Publishes a human-in-the-loop question and waits for `strands approve`'s answer. */
      readonly askHuman: (question: PausedQuestionV1) => Promise<string>;
    },
  ) => Promise<QueuedRunOutput>;
}

/** A running worker. */
export interface Worker {
  /**
   * Stops taking runs, waits up to `timeoutMs` for the runs in flight to finish, then disconnects.
   * A run still unfinished stays pending under this worker's name, for its restart (or, after the
   * lease timeout, another worker) to recover.
   */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Starts a worker in this process: it takes submitted runs from the `strands-runs` queue (only runs
 * submitted by the same engine and spec-format version) and executes them, each as a DBOS workflow
 * whose journal is kept in PostgreSQL under the run's id. It holds a lease (an advisory lock and a
 * heartbeat row) and re-queues the runs of workers whose heartbeat is older than `leaseMs` and whose
 * lease is free.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { DBOS } = await import('@dbos-inc/dbos-sdk');
  const { default: pg } = await import('pg');
  const leaseMs = options.leaseMs ?? 30_000;
  const note = options.onNote ?? (() => undefined);
  const pool: Pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 + options.concurrency });
  // Connections that hold rate_limit concurrency slots for the requests in flight.
  const gatePool: Pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 4 + 4 * options.concurrency,
  });
  const requestGate = createPostgresRequestGate({ pool: gatePool });
  const inFlight = new Map<string, AbortController>();
  let lease: Awaited<ReturnType<typeof holdWorkerLease>> | undefined;
  try {
    await ensureEngineSchema(pool);
    lease = await holdWorkerLease(
      async () => {
        const client = new pg.Client({ connectionString: options.databaseUrl, keepAlive: true });
        await client.connect();
        return client;
      },
      options.workerId,
      5000,
    );
    DBOS.registerWorkflow(
      async (input: QueuedRunInput): Promise<QueuedRunOutput> => {
        const runId = DBOS.workflowID as string;
        const controller = new AbortController();
        inFlight.set(runId, controller);
        try {
          const journal = createPostgresJournal({ pool, runId });
          const askHuman = async (question: PausedQuestionV1): Promise<string> => {
            await DBOS.setEvent(pausedEventKey, question);
            const answer = await DBOS.recv<string>(answerTopic, humanWaitSeconds);
            await DBOS.setEvent(pausedEventKey, null);
            if (answer === null) throw new Error(`no answer to "${question.prompt ?? question.position}"`);
            return answer;
          };
          return await options.execute(input, {
            runId,
            journal,
            signal: controller.signal,
            requestGate,
            askHuman,
          });
        } finally {
          inFlight.delete(runId);
        }
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
    await lease?.release();
    await pool.end().catch(() => undefined);
    await gatePool.end().catch(() => undefined);
    throw error;
  }
  const held = lease;
  const admin = DBOS as unknown as WorkflowAdmin;
  const tick = async () => {
    await held.beat();
    const stale = (await staleWorkers(pool, leaseMs)).filter((id) => id !== options.workerId);
    for (const [workerId, runs] of await takeOverWorkers(pool, admin, stale)) {
      if (runs.length > 0) note(`Took over ${runs.length} run(s) of worker ${workerId}: ${runs.join(', ')}`);
    }
  };
  const checkCancelled = async () => {
    for (const [runId, controller] of inFlight) {
      const status = await DBOS.getWorkflowStatus(runId);
      if (status?.status === 'CANCELLED') controller.abort();
    }
  };
  // Each periodic job skips a tick while its previous one still runs.
  const guarded = (work: () => Promise<void>) => {
    let busy = false;
    return () => {
      if (busy) return;
      busy = true;
      work()
        .catch((error: unknown) => note(`worker ${options.workerId}: ${String(error)}`))
        .finally(() => {
          busy = false;
        });
    };
  };
  const heartbeat = setInterval(guarded(tick), Math.max(100, Math.floor(leaseMs / 3)));
  const cancelPoll = setInterval(guarded(checkCancelled), options.cancelPollMs ?? 1000);
  return {
    drain: async (timeoutMs) => {
      clearInterval(heartbeat);
      clearInterval(cancelPoll);
      await DBOS.shutdown({ workflowCompletionTimeoutMS: timeoutMs });
      await held.release();
      await pool.end();
      await gatePool.end();
    },
  };
}
