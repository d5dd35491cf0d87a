import { closeClientPool, runWorkflow } from '@strands-cli/core';
import { openSdkClient } from '../floor.js';
import { settle } from '../measure.js';
import type { BenchProvider } from '../providers.js';
import type { RemoteServer } from '../remote-server.js';
import { parallelSpec, workflowSpec } from '../specs.js';
import { mode, type Summary, summarize } from '../stats.js';

/** How long the server takes to answer each call in this scenario. */
export const answerDelayMs = 100;

/** Scenario 4 for one provider and one pattern. */
export interface ParallelResult {
  readonly provider: string;
  readonly pattern: 'workflow' | 'parallel';
  readonly tasks: number;
  readonly maxParallel: number;
  readonly wallMs: Summary;
  /** ceil(tasks / max_parallel) answers of `answerDelayMs` each, one after the other. */
  readonly idealMs: number;
  /** Ideal over the median wall time. */
  readonly efficiency: number;
  /**
   * The floor: the same calls through the bare SDK, one client, `max_parallel` workers each making
   * its share one after the other (no orchestration). Its wall time and efficiency.
   */
  readonly sdk: { readonly wallMs: Summary; readonly efficiency: number };
  /** The most requests the server answered at once, over all repetitions. */
  readonly maxInFlight: number;
  /** TCP connections per run (the most frequent count). */
  readonly connections: number;
  readonly requests: number;
}

/**
 * Runs `tasks` independent model calls as a workflow or as a parallel pattern with `max_parallel`,
 * against a server in another process that answers each after {@link answerDelayMs}.
 */
export async function benchParallel(
  provider: BenchProvider,
  server: RemoteServer,
  pattern: 'workflow' | 'parallel',
  tasks: number,
  maxParallel: number,
  reps: number,
): Promise<ParallelResult> {
  const runtime = provider.runtime(server.url);
  const spec =
    pattern === 'workflow'
      ? workflowSpec(tasks, runtime, { join: false, maxParallel })
      : parallelSpec(tasks, runtime, maxParallel);
  const samples: Array<{ ms: number; maxInFlight: number; connections: number; requests: number }> = [];
  const sdkSamples: number[] = [];
  // Round 0 warms up.
  for (let round = 0; round <= reps; round += 1) {
    await closeClientPool();
    await server.reset();
    settle();
    const started = performance.now();
    await runWorkflow(spec as never, { env: provider.env, cwd: process.cwd() });
    const ms = performance.now() - started;
    const stats = await server.stats();
    const recorded = await server.firstRequest();
    settle();
    const sdkStarted = performance.now();
    const client = await openSdkClient(provider, server.url);
    const perWorker = Math.ceil(tasks / maxParallel);
    await Promise.all(
      Array.from({ length: maxParallel }, async () => {
        for (let call = 0; call < perWorker; call += 1) await client.call(recorded);
      }),
    );
    const sdkMs = performance.now() - sdkStarted;
    await client.close();
    if (round > 0) {
      samples.push({ ms, ...stats });
      sdkSamples.push(sdkMs);
    }
  }
  const idealMs = Math.ceil(tasks / maxParallel) * answerDelayMs;
  const wallMs = summarize(samples.map((sample) => sample.ms));
  const sdkWallMs = summarize(sdkSamples);
  return {
    provider: provider.id,
    pattern,
    tasks,
    maxParallel,
    wallMs,
    idealMs,
    efficiency: idealMs / wallMs.median,
    sdk: { wallMs: sdkWallMs, efficiency: idealMs / sdkWallMs.median },
    maxInFlight: Math.max(...samples.map((sample) => sample.maxInFlight)),
    connections: mode(samples.map((sample) => sample.connections)),
    requests: mode(samples.map((sample) => sample.requests)),
  };
}
