import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureEngineSchema } from './engine-schema.js';
import { createFreshDatabase } from './testing/fresh-database.js';
import { holdWorkerLease, staleWorkers, type TakeoverActions, takeOverWorker } from './worker-lease.js';

let url: string;
let pool: pg.Pool;

beforeAll(async () => {
  url = await createFreshDatabase(inject('postgresAdminUrl'));
  pool = new pg.Pool({ connectionString: url });
  await ensureEngineSchema(pool);
});

afterAll(async () => {
  await pool.end();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Takeover actions that record what they were asked to re-queue. */
function recording(pending: Record<string, string[]>): TakeoverActions & { requeued: string[][] } {
  const requeued: string[][] = [];
  return {
    requeued,
    pendingRuns: async (workerId) => pending[workerId] ?? [],
    requeue: async (runIds) => {
      requeued.push([...runIds]);
    },
  };
}

describe('worker leases', () => {
  it('refuses a second live worker of the same name, and takes over one whose lease is free', async () => {
    const lease = await holdWorkerLease(connect, 'w1', 0);
    await expect(holdWorkerLease(connect, 'w1', 0)).rejects.toThrow('already running');
    const actions = recording({ w1: ['run-1', 'run-2'] });
    // Alive: its lock is held, so nothing is re-queued however old its heartbeat.
    expect(await takeOverWorker(pool, 'w1', actions)).toBeUndefined();
    expect(actions.requeued).toEqual([]);
    await lease.release();
    expect(await takeOverWorker(pool, 'w1', actions)).toEqual(['run-1', 'run-2']);
    expect(actions.requeued).toEqual([['run-1', 'run-2']]);
    const { rows } = await pool.query('SELECT * FROM strands.workers WHERE worker_id = $1', ['w1']);
    expect(rows).toEqual([]);
  });

  it('lists as stale only the workers whose heartbeat is older than the lease', async () => {
    const fresh = await holdWorkerLease(connect, 'fresh', 0);
    await pool.query(
      `INSERT INTO strands.workers (worker_id, heartbeat_at) VALUES ('old', now() - interval '1 minute')`,
    );
    const stale = await staleWorkers(pool, 30_000);
    expect(stale).toContain('old');
    expect(stale).not.toContain('fresh');
    await fresh.beat();
    await fresh.release();
  });
});
