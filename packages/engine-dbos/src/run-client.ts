import { randomUUID } from 'node:crypto';
import { SessionError } from '@strands-cli/core/spec';
import type { Pool } from 'pg';
import { applicationVersion } from './application-version.js';
import { migrateDbos } from './dbos-migrate.js';
import { ensureEngineSchema } from './engine-schema.js';
import {
  answerTopic,
  type PausedQuestionV1,
  pausedEventKey,
  type QueuedRunInput,
  type QueuedRunOutput,
  queuedRunWorkflowName,
  runQueueName,
} from './queued-run-types.js';
import { withoutPipelinedQueryWarning } from './quiet-pg-warning.js';
import { cancelRun, type ResumedRunV1, recoverRuns, resumeRun } from './run-control.js';
import { type JournalCountsV1, journalCounts, type QueueDepthV1, queueDepth } from './run-stats.js';

/** The DBOS application name every strands-cli process uses (it scopes workflows and queues). */
const applicationName = 'strands-cli';

/** A run as `strands runs list|show` shows it: one DBOS workflow (a submitted run or an attempt). */
export interface RunSummaryV1 {
  /** The run id (a submitted run) or `<run id>.<attempt>` (an attempt of `run --database`). */
  readonly id: string;
  readonly kind: 'submitted' | 'attempt';
  /** DBOS's status: ENQUEUED, PENDING, SUCCESS, ERROR, CANCELLED, ... */
  readonly status: string;
  readonly specName?: string;
  readonly applicationVersion?: string;
  /** The worker (executor id) that runs or ran it. */
  readonly worker?: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  /** `runs show` only: the human-in-the-loop question the run waits on (its status is then PAUSED). */
  readonly paused?: PausedQuestionV1;
  /** `runs show` only: the run's journal, what it completed so far. */
  readonly journal?: JournalCountsV1;
}

/** The submitter's and operator's side of the engine: no DBOS launch, no worker. */
export interface RunClient {
  /** Enqueues a run for the workers of this engine version; resolves with its id. */
  submit(input: QueuedRunInput): Promise<string>;
  /** Waits for a submitted run to end and resolves with its output (artifacts included). */
  wait(runId: string): Promise<QueuedRunOutput>;
  /** The newest runs first. */
  list(options?: { readonly limit?: number; readonly status?: string }): Promise<RunSummaryV1[]>;
  /** The run queue's depth: runs waiting for a worker, runs being executed. */
  queue(): Promise<QueueDepthV1>;
  /** One run with its journal counts, or undefined when the id is unknown. */
  show(id: string): Promise<RunSummaryV1 | undefined>;
  /** Sends the answer to the question a paused run waits on; resolves with that question. */
  approve(id: string, response: string): Promise<PausedQuestionV1>;
  /** Cancels a submitted run (its worker aborts it); resolves with its new status. */
  cancel(id: string): Promise<string>;
  /** Continues a cancelled or failed submitted run from its journal. */
  resume(id: string): Promise<ResumedRunV1>;
  /** Re-queues the runs of dead workers now (the named one, or all whose lease is free). */
  recover(fromWorker?: string): Promise<Array<{ readonly worker: string; readonly runs: readonly string[] }>>;
  close(): Promise<void>;
}

interface WorkflowRow {
  readonly workflowID: string;
  readonly workflowName: string;
  readonly status: string;
  readonly input?: unknown[];
  readonly applicationVersion?: string;
  readonly executorId?: string;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

function summary(row: WorkflowRow): RunSummaryV1 {
  const input = row.input?.[0] as { specName?: string } | undefined;
  const iso = (epochMs: number | undefined) =>
    epochMs ? new Date(Number(epochMs)).toISOString() : undefined;
  return {
    id: row.workflowID,
    kind: row.workflowName === queuedRunWorkflowName ? 'submitted' : 'attempt',
    status: row.status,
    ...(input?.specName ? { specName: input.specName } : {}),
    ...(row.applicationVersion ? { applicationVersion: row.applicationVersion } : {}),
    ...(row.executorId ? { worker: row.executorId } : {}),
    ...(iso(row.createdAt) ? { createdAt: iso(row.createdAt) } : {}),
    ...(iso(row.updatedAt) ? { updatedAt: iso(row.updatedAt) } : {}),
  };
}

const workflowNames = [queuedRunWorkflowName, 'strands.run-attempt'];

/** Connects a DBOS client to the engine's database. */
export async function openRunClient({ databaseUrl }: { readonly databaseUrl: string }): Promise<RunClient> {
  const { DBOSClient } = await import('@dbos-inc/dbos-sdk');
  await migrateDbos(databaseUrl);
  const client = await withoutPipelinedQueryWarning(() =>
    DBOSClient.create({ systemDatabaseUrl: databaseUrl, applicationName }),
  );
  const { default: pg } = await import('pg');
  let pool: Pool | undefined;
  const strandsPool = async (): Promise<Pool> => {
    if (!pool) {
      pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      await ensureEngineSchema(pool);
    }
    return pool;
  };
  return {
    submit: async (input) => {
      const runId = randomUUID();
      await client.enqueue(
        {
          queueName: runQueueName,
          workflowName: queuedRunWorkflowName,
          workflowID: runId,
          // Only workers of the same engine and spec-format version take it.
          appVersion: applicationVersion(),
        },
        input,
      );
      return runId;
    },
    wait: (runId) => client.retrieveWorkflow<QueuedRunOutput>(runId).getResult() as Promise<QueuedRunOutput>,
    list: async ({ limit = 50, status } = {}) => {
      const rows = (await client.listWorkflows({
        workflowName: workflowNames,
        sortDesc: true,
        limit,
        loadInput: true,
        ...(status ? { status: status.toUpperCase() as 'PENDING' } : {}),
      })) as unknown as WorkflowRow[];
      return rows.map(summary);
    },
    show: async (id) => {
      const rows = (await client.listWorkflows({
        workflowIDs: [id],
        loadInput: true,
      })) as unknown as WorkflowRow[];
      const row = rows.find((candidate) => workflowNames.includes(candidate.workflowName));
      if (!row) return undefined;
      const run = summary(row);
      const journalRun = run.kind === 'attempt' ? run.id.replace(/\.\d+$/, '') : run.id;
      const journal = await journalCounts(await strandsPool(), journalRun);
      const paused =
        run.kind === 'submitted' && run.status === 'PENDING'
          ? await client.getEvent<PausedQuestionV1>(run.id, pausedEventKey, 0)
          : null;
      return paused ? { ...run, status: 'PAUSED', paused, journal } : { ...run, journal };
    },
    queue: () => queueDepth(client),
    approve: async (id, response) => {
      const paused = await client.getEvent<PausedQuestionV1>(id, pausedEventKey, 0);
      if (!paused) {
        throw new SessionError(`Run ${id} is not waiting for an answer`, id, {
          hint: 'See `strands runs show ID`: only a PAUSED run can be approved.',
        });
      }
      await client.send(id, response, answerTopic);
      return paused;
    },
    cancel: (id) => cancelRun(client, id),
    resume: async (id) => resumeRun(client, await strandsPool(), id),
    recover: async (fromWorker) => recoverRuns(client, await strandsPool(), fromWorker),
    close: async () => {
      await client.destroy();
      await pool?.end();
    },
  };
}
