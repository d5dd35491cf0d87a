import type { DBOSClient } from '@dbos-inc/dbos-sdk';
import type { Pool } from 'pg';
import { strandsSchema } from './engine-schema.js';
import { runQueueName } from './queued-run-types.js';

/** The run queue as `runs list --json` shows it. */
export interface QueueDepthV1 {
  readonly name: string;
  /** Submitted runs waiting for a worker. */
  readonly enqueued: number;
  /** Submitted runs a worker is executing (or a dead worker held, until taken over). */
  readonly pending: number;
}

/** A run's journal as `runs show --json` shows it: the effects it completed, by kind. */
export interface JournalCountsV1 {
  /** Journal entries (completed model turns, tool calls, ...): what a resume will not repeat. */
  readonly entries: number;
  readonly byKind: Readonly<Record<string, number>>;
}

/** How many submitted runs wait on the queue and how many are being executed. */
export async function queueDepth(client: DBOSClient): Promise<QueueDepthV1> {
  const count = async (status: 'ENQUEUED' | 'PENDING') =>
    (await client.listWorkflows({ queueName: runQueueName, status, loadInput: false, loadOutput: false }))
      .length;
  const [enqueued, pending] = await Promise.all([count('ENQUEUED'), count('PENDING')]);
  return { name: runQueueName, enqueued, pending };
}

/** The journal counts of a run (an attempt `<run>.<n>` shares its run's journal). */
export async function journalCounts(pool: Pool, runId: string): Promise<JournalCountsV1> {
  const { rows } = await pool.query<{ kind: string; n: string }>(
    `SELECT kind, count(*) AS n FROM ${strandsSchema}.journal WHERE run_id = $1 GROUP BY kind ORDER BY kind`,
    [runId],
  );
  const byKind = Object.fromEntries(rows.map((row) => [row.kind, Number(row.n)]));
  return { entries: rows.reduce((sum, row) => sum + Number(row.n), 0), byKind };
}
