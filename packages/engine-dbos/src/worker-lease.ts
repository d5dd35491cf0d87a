import { SessionError } from '@strands-cli/core/spec';
import type { Client, Pool } from 'pg';
import { strandsSchema } from './engine-schema.js';

/** The advisory-lock key text of a worker's lease (hashed by PostgreSQL). */
function leaseKey(workerId: string): string {
  return `strands-worker:${workerId}`;
}

const tryLock = 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked';
const unlock = 'SELECT pg_advisory_unlock(hashtextextended($1, 0))';

/** A worker's lease: a session advisory lock on a connection of its own, and a heartbeat row. */
export interface HeldWorkerLease {
  /** Refreshes the heartbeat row (called on every tick of the worker). */
  beat(): Promise<void>;
  /** Gives the lease up and closes its connection. */
  release(): Promise<void>;
}

/**
 * Takes the lease of worker `workerId`: the lock is free once a previous process of that name is
 * gone (PostgreSQL frees a dead client's locks when its connection drops). Waits up to `waitMs`.
 * @throws SessionError when a live process holds it (two workers must not share a name)
 */
export async function holdWorkerLease(
  connect: () => Promise<Client>,
  workerId: string,
  waitMs: number,
): Promise<HeldWorkerLease> {
  const client = await connect();
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(tryLock, [leaseKey(workerId)]);
      if (rows[0]?.locked) break;
      if (Date.now() >= deadline) {
        throw new SessionError(`Worker ${workerId} is already running (it holds its lease)`, workerId, {
          hint: 'Give each worker its own --id, or stop the other one first.',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await client.query(
      `INSERT INTO ${strandsSchema}.workers (worker_id) VALUES ($1)
       ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = now(), started_at = now()`,
      [workerId],
    );
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    beat: async () => {
      await client.query(`UPDATE ${strandsSchema}.workers SET heartbeat_at = now() WHERE worker_id = $1`, [
        workerId,
      ]);
    },
    release: async () => {
      await client.query(unlock, [leaseKey(workerId)]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Workers whose heartbeat is older than `leaseMs` (candidates for takeover), oldest first. */
export async function staleWorkers(pool: Pool, leaseMs: number): Promise<string[]> {
  const { rows } = await pool.query<{ worker_id: string }>(
    `SELECT worker_id FROM ${strandsSchema}.workers
     WHERE heartbeat_at < now() - make_interval(secs => $1) ORDER BY heartbeat_at`,
    [leaseMs / 1000],
  );
  return rows.map((row) => row.worker_id);
}

/** Every worker with a heartbeat row (for `strands recover` without a name). */
export async function knownWorkers(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ worker_id: string }>(`SELECT worker_id FROM ${strandsSchema}.workers`);
  return rows.map((row) => row.worker_id);
}

/** How a takeover lists and re-queues a dead worker's runs (DBOS in a worker, a DBOS client in `recover`). */
export interface TakeoverActions {
  /** The ids of the submitted runs still PENDING under this worker's name. */
  pendingRuns(workerId: string): Promise<string[]>;
  /** Puts these runs back on the queue, for any live worker to continue from their journals. */
  requeue(runIds: readonly string[]): Promise<void>;
}

/**
 * Takes over the runs of worker `workerId` if it is gone: holds its lease while it re-queues them
 * (so two live workers sweeping at once, or the dead worker restarting, never both act), then
 * forgets its heartbeat. Resolves with the runs re-queued, or `undefined` when the worker is alive.
 */
export async function takeOverWorker(
  pool: Pool,
  workerId: string,
  actions: TakeoverActions,
): Promise<string[] | undefined> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>(tryLock, [leaseKey(workerId)]);
    if (!rows[0]?.locked) return undefined;
    try {
      const runs = await actions.pendingRuns(workerId);
      if (runs.length > 0) await actions.requeue(runs);
      await client.query(`DELETE FROM ${strandsSchema}.workers WHERE worker_id = $1`, [workerId]);
      return runs;
    } finally {
      await client.query(unlock, [leaseKey(workerId)]);
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection whose unlock failed must not go back to the pool still holding the lock.
    client.release(broken ?? false);
  }
}
