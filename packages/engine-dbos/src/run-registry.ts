import type { Pool, PoolClient } from 'pg';
import { strandsSchema } from './engine-schema.js';

/** Where a durable run stands, as the `strands.runs` table records it. */
export type DurableRunStatus = 'running' | 'completed' | 'failed' | 'interrupted';

/** One row of `strands.runs`. */
export interface DurableRunRecord {
  readonly runId: string;
  readonly specName: string;
  readonly specHash: string;
  readonly varsHash: string;
  readonly status: DurableRunStatus;
  readonly applicationVersion: string;
  readonly attempts: number;
}

interface RunRow {
  readonly run_id: string;
  readonly spec_name: string;
  readonly spec_hash: string;
  readonly vars_hash: string;
  readonly status: DurableRunStatus;
  readonly application_version: string;
  readonly attempts: number;
}

function toRecord(row: RunRow): DurableRunRecord {
  return {
    runId: row.run_id,
    specName: row.spec_name,
    specHash: row.spec_hash,
    varsHash: row.vars_hash,
    status: row.status,
    applicationVersion: row.application_version,
    attempts: row.attempts,
  };
}

/** The latest run of this spec text and these variables that did not complete, if any. */
export async function findUnfinishedRun(
  pool: Pool,
  { specHash, varsHash }: { readonly specHash: string; readonly varsHash: string },
): Promise<DurableRunRecord | undefined> {
  const { rows } = await pool.query<RunRow>(
    `SELECT * FROM ${strandsSchema}.runs
     WHERE spec_hash = $1 AND vars_hash = $2 AND status <> 'completed'
     ORDER BY updated_at DESC LIMIT 1`,
    [specHash, varsHash],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Records a new run (status `running`, no attempt yet). */
export async function insertRun(
  pool: Pool,
  run: Omit<DurableRunRecord, 'status' | 'attempts'>,
): Promise<DurableRunRecord> {
  const { rows } = await pool.query<RunRow>(
    `INSERT INTO ${strandsSchema}.runs (run_id, spec_name, spec_hash, vars_hash, status, application_version)
     VALUES ($1, $2, $3, $4, 'running', $5) RETURNING *`,
    [run.runId, run.specName, run.specHash, run.varsHash, run.applicationVersion],
  );
  return toRecord(rows[0] as RunRow);
}

/** Counts a new attempt of a run and marks it running; returns the attempt's number (1, 2, ...). */
export async function startAttempt(pool: Pool, runId: string): Promise<number> {
  const { rows } = await pool.query<{ attempts: number }>(
    `UPDATE ${strandsSchema}.runs SET attempts = attempts + 1, status = 'running', error = NULL,
       updated_at = now() WHERE run_id = $1 RETURNING attempts`,
    [runId],
  );
  return rows[0]?.attempts ?? 1;
}

/** Records how a run's attempt ended. */
export async function finishRun(
  pool: Pool,
  runId: string,
  status: Exclude<DurableRunStatus, 'running'>,
  error?: string,
): Promise<void> {
  await pool.query(
    `UPDATE ${strandsSchema}.runs SET status = $2, error = $3, updated_at = now() WHERE run_id = $1`,
    [runId, status, error ?? null],
  );
}

/** The right to drive one run, held as a PostgreSQL session advisory lock. */
export interface RunLease {
  /** Gives the run up (also happens by itself when the process dies: its connection closes). */
  release(): Promise<void>;
}

/**
 * Takes the run's lease: a session advisory lock on a connection of its own. A killed process's
 * connection is closed by the kernel and PostgreSQL frees its locks, so a rerun can take over at
 * once; a live process keeps it. Tries until `waitMs` has passed (the server may take a moment to
 * notice a dead client), then returns undefined.
 */
export async function takeRunLease(pool: Pool, runId: string, waitMs: number): Promise<RunLease | undefined> {
  const client: PoolClient = await pool.connect();
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [runId],
      );
      if (rows[0]?.locked) break;
      if (Date.now() >= deadline) {
        client.release();
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
  return {
    release: async () => {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [runId]);
        client.release();
      } catch (error) {
        // A connection whose unlock failed must not go back to the pool still holding the lock.
        client.release(error instanceof Error ? error : true);
      }
    },
  };
}
