import type { RequestGateV1, RequestLimitsV1 } from '@strands-cli/core/spec';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureEngineSchema } from './engine-schema.js';
import { createPostgresRequestGate } from './postgres-request-gate.js';
import { createFreshDatabase } from './testing/fresh-database.js';

let url: string;
const pools: pg.Pool[] = [];

/** A pool as a separate worker process would have: its own connections, its own name. */
function poolFor(name: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 8, application_name: name });
  pools.push(pool);
  return pool;
}

beforeAll(async () => {
  url = await createFreshDatabase(inject('postgresAdminUrl'));
  const setup = poolFor('setup');
  await ensureEngineSchema(setup);
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

const ticket = (endpoint: string, limits: RequestLimitsV1) => ({ providerId: 'openai', endpoint, limits });

/** Runs `count` requests spread over `gates`, each holding its grant for a moment; returns the most held at once. */
async function crowd(gates: RequestGateV1[], endpoint: string, limits: RequestLimitsV1, count: number) {
  let held = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const gate = gates[i % gates.length] as RequestGateV1;
      const release = await gate.acquire(ticket(endpoint, limits));
      held += 1;
      most = Math.max(most, held);
      await new Promise((resolve) => setTimeout(resolve, 20));
      held -= 1;
      release();
    }),
  );
  return most;
}

describe('PostgreSQL request gate', () => {
  it('never lets two gates on two pools exceed max_concurrent together', async () => {
    const gates = [
      createPostgresRequestGate({ pool: poolFor('worker-a'), pollMs: 5 }),
      createPostgresRequestGate({ pool: poolFor('worker-b'), pollMs: 5 }),
    ];
    const most = await crowd(gates, 'concurrency.test:1', { maxConcurrent: 3 }, 16);
    expect(most).toBe(3);
  });

  it('keeps every one-second window of recorded starts within requests_per_second', async () => {
    const gates = [
      createPostgresRequestGate({ pool: poolFor('worker-c') }),
      createPostgresRequestGate({ pool: poolFor('worker-d') }),
    ];
    await crowd(gates, 'rate.test:1', { requestsPerSecond: 5 }, 12);
    const { rows } = await (pools[0] as pg.Pool).query<{ ms: number }>(
      `SELECT extract(epoch FROM started_at) * 1000 AS ms FROM strands.request_starts
        WHERE gate_key = $1 ORDER BY started_at`,
      ['openai rate.test:1'],
    );
    const starts = rows.map((row) => Number(row.ms));
    expect(starts).toHaveLength(12);
    for (const start of starts) {
      expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(5);
    }
  });

  it('frees the slots of a process whose connection dies, and gives up a wait when aborted', async () => {
    // Not ended after the tests: its connection is killed while checked out, as in a crash.
    const deadPool = new pg.Pool({ connectionString: url, max: 1, application_name: 'worker-dead' });
    deadPool.on('connect', (client) => client.on('error', () => undefined));
    deadPool.on('error', () => undefined);
    const dead = createPostgresRequestGate({ pool: deadPool, pollMs: 5 });
    const live = createPostgresRequestGate({ pool: poolFor('worker-live'), pollMs: 5 });
    await dead.acquire(ticket('dies.test:1', { maxConcurrent: 1 }));

    const controller = new AbortController();
    const waiting = live.acquire(ticket('dies.test:1', { maxConcurrent: 1 }), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');

    // As a kill -9 would: the holder's connection ends without unlocking.
    await (pools[0] as pg.Pool).query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'worker-dead'",
    );
    const release = await live.acquire(ticket('dies.test:1', { maxConcurrent: 1 }));
    release();
  });

  it('counts endpoints separately', async () => {
    const gate = createPostgresRequestGate({ pool: poolFor('worker-e'), pollMs: 5 });
    const first = await gate.acquire(ticket('one.test:1', { maxConcurrent: 1 }));
    const second = await gate.acquire(ticket('two.test:1', { maxConcurrent: 1 }));
    first();
    second();
  });
});
