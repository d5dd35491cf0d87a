import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type JournalStoreV1, type RequestGateV1, RunCancelledError } from '@strands-cli/core/spec';
import type { Pool } from 'pg';
import { applicationVersion } from './application-version.js';
import { launchDbos } from './dbos-launch.js';
import { refusedRun } from './engine-errors.js';
import { ensureEngineSchema } from './engine-schema.js';
import { createPostgresJournal } from './postgres-journal.js';
import { createPostgresRequestGate } from './postgres-request-gate.js';
import {
  type DurableRunRecord,
  findUnfinishedRun,
  finishRun,
  insertRun,
  startAttempt,
  takeRunLease,
} from './run-registry.js';
import { registerRunAttemptWorkflow, runAttemptWorkflow } from './run-workflow.js';

/** What identifies a durable run: the spec's text (never a path) and the run's variables. */
export interface DurableRunRequest {
  /** The spec file's content: the workflow input, so a rerun runs exactly what was started. */
  readonly specText: string;
  /** The spec's name, for listings and messages. */
  readonly specName: string;
  /** The run's variables as given (`key=value` strings or a record). */
  readonly vars: readonly string[] | Readonly<Record<string, unknown>>;
  /** Start a new run even when an unfinished one of the same spec and variables exists. */
  readonly newRun?: boolean;
}

/** One attempt of a durable run, handed to the code that runs the spec. */
export interface DurableAttempt {
  readonly runId: string;
  /** 1 for the first attempt, then 2, 3, ... for each rerun that resumes the run. */
  readonly attempt: number;
  /** The run's journal in PostgreSQL: positions done by earlier attempts answer from it. */
  readonly journal: JournalStoreV1;
  /** `runtime.rate_limit` counted across every process on this database: pass it as `requestGate`. */
  readonly requestGate: RequestGateV1;
}

/** Options of {@link openDbosEngine}. */
export interface DbosEngineOptions {
  /** `postgres://` URL; DBOS keeps its tables in schema `dbos`, strands-cli in schema `strands`. */
  readonly databaseUrl: string;
  /** Progress notes for people (resuming a run, taking it over). */
  readonly onNote?: (line: string) => void;
  /** How long to wait for a run's lease held by a process that just died. @default 5000 */
  readonly leaseWaitMs?: number;
}

/** A connection to the durable engine; `close()` ends DBOS and the pool so the process can exit. */
export interface DurableEngine {
  /** The DBOS application version of this engine (see `applicationVersion`). */
  readonly applicationVersion: string;
  /**
   * Runs `execute` as a DBOS workflow attempt of the run this request identifies: the latest
   * unfinished run of the same spec text and variables (resumed: its journal answers what is done),
   * else a new run. Resolves with what `execute` returns.
   * @throws SessionError when the unfinished run was started by another engine version, or is being
   *   driven by a live process
   */
  run<T>(
    request: DurableRunRequest,
    execute: (attempt: DurableAttempt) => Promise<T>,
  ): Promise<DurableRunResult<T>>;
  close(): Promise<void>;
}

/** What {@link DurableEngine.run} resolves with. */
export interface DurableRunResult<T> {
  readonly runId: string;
  readonly attempt: number;
  readonly value: T;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Connects to PostgreSQL, creates the tables it needs, and launches DBOS in this process. */
export async function openDbosEngine(options: DbosEngineOptions): Promise<DurableEngine> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  // Connections that hold rate_limit concurrency slots for the requests in flight.
  const gatePool: Pool = new pg.Pool({ connectionString: options.databaseUrl, max: 16 });
  const requestGate = createPostgresRequestGate({ pool: gatePool });
  const version = applicationVersion();
  try {
    await ensureEngineSchema(pool);
    await registerRunAttemptWorkflow();
    await launchDbos({
      databaseUrl: options.databaseUrl,
      applicationVersion: version,
      // Each process is its own DBOS executor: a process never recovers another's runs by itself;
      // a rerun takes its run over explicitly, under the run's lease.
      executorId: `strands-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      // It runs its own spec only, never work submitted for workers.
      listenQueues: [],
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    await gatePool.end().catch(() => undefined);
    throw error;
  }
  const note = options.onNote ?? (() => undefined);

  const chooseRun = async (request: DurableRunRequest): Promise<DurableRunRecord> => {
    const identity = { specHash: sha256(request.specText), varsHash: sha256(JSON.stringify(request.vars)) };
    const unfinished = request.newRun ? undefined : await findUnfinishedRun(pool, identity);
    if (unfinished) {
      if (unfinished.applicationVersion !== version) throw refusedRun.otherVersion(unfinished, version);
      note(`Resuming run ${unfinished.runId} (${unfinished.status}, attempt ${unfinished.attempts + 1})`);
      return unfinished;
    }
    const created = await insertRun(pool, {
      runId: randomUUID(),
      specName: request.specName,
      ...identity,
      applicationVersion: version,
    });
    note(`Started durable run ${created.runId}`);
    return created;
  };

  return {
    applicationVersion: version,
    run: async (request, execute) => {
      const run = await chooseRun(request);
      const lease = await takeRunLease(pool, run.runId, options.leaseWaitMs ?? 5000);
      if (!lease) throw refusedRun.busy(run);
      try {
        const attempt = await startAttempt(pool, run.runId);
        const journal = createPostgresJournal({ pool, runId: run.runId });
        try {
          const value = await runAttemptWorkflow(
            {
              runId: run.runId,
              attempt,
              specName: request.specName,
              specText: request.specText,
              vars: request.vars,
            },
            () => execute({ runId: run.runId, attempt, journal, requestGate }),
          );
          await finishRun(pool, run.runId, 'completed');
          return { runId: run.runId, attempt, value };
        } catch (error) {
          const interrupted = RunCancelledError.isInstance(error);
          await finishRun(pool, run.runId, interrupted ? 'interrupted' : 'failed', String(error));
          throw error;
        }
      } finally {
        await lease.release();
      }
    },
    close: async () => {
      const { DBOS } = await import('@dbos-inc/dbos-sdk');
      await DBOS.shutdown();
      await pool.end();
      await gatePool.end();
    },
  };
}
