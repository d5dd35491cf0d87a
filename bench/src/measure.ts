import { closeClientPool, type RunCounts, runWorkflow } from '@strands-cli/core';
import type { CallReplayer } from './floor.js';
import type { BenchProvider } from './providers.js';
import type { LoopbackServer, RecordedRequest } from './servers.js';

/** What one measured repetition produced. */
export interface Sample {
  /** Wall time. */
  readonly ms: number;
  /**
   * CPU time of this whole process (user + system, all threads: client, server, GC), which a busy
   * machine disturbs much less than wall time.
   */
  readonly cpuMs: number;
  /** TCP connections the server accepted during the repetition. */
  readonly connections: number;
  /** The most requests the server answered at once. */
  readonly maxInFlight: number;
  readonly requests: number;
}

/** One repetition of our run: the library call, from spec document to result. */
export interface RunSample extends Sample {
  readonly counts: RunCounts;
}

const benchDirectory = new URL('..', import.meta.url).pathname;

/** Collects garbage between repetitions when node runs with --expose-gc, so no run pays for another's. */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs `spec` once with `runWorkflow`, in this process, as one fresh run: the client pool is closed
 * first (untimed), so every repetition creates its client and opens its connections like a CLI run.
 */
export async function runOnce(
  spec: Record<string, unknown>,
  provider: BenchProvider,
  server: LoopbackServer,
): Promise<RunSample> {
  await closeClientPool();
  server.reset();
  settle();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runWorkflow(spec as never, { env: provider.env, cwd: benchDirectory });
  const ms = performance.now() - started;
  return { ms, cpuMs: cpuSince(cpu), counts: result.counts, ...serverCounts(server) };
}

/**
 * Opens a replayer, sends `requests` one after the other (what a chain does), closes it; the open is
 * timed like our run's client creation, the close is not.
 */
export async function replayOnce(
  open: () => Promise<CallReplayer> | CallReplayer,
  requests: readonly RecordedRequest[],
  server: LoopbackServer,
): Promise<Sample> {
  server.reset();
  settle();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const replayer = await open();
  for (const request of requests) await replayer.call(request);
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  const counts = serverCounts(server);
  await replayer.close();
  return { ms, cpuMs, ...counts };
}

/** Milliseconds of CPU this process used since `start`. */
export function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function serverCounts(server: LoopbackServer): Omit<Sample, 'ms' | 'cpuMs'> {
  const stats = server.stats();
  return { connections: stats.connections, maxInFlight: stats.maxInFlight, requests: stats.requests };
}

/**
 * Runs each variant `reps` times after `warmUp` untimed rounds, interleaved and in a rotating order,
 * so the machine's background load and the JIT's warm-up fall on every variant alike.
 */
export async function interleave<V extends Record<string, () => Promise<unknown>>>(
  variants: V,
  reps: number,
  warmUp: number,
): Promise<{ [K in keyof V]: Array<Awaited<ReturnType<V[K]>>> }> {
  const names = Object.keys(variants) as Array<keyof V & string>;
  const samples = Object.fromEntries(names.map((name) => [name, [] as unknown[]])) as Record<
    string,
    unknown[]
  >;
  for (let round = 0; round < warmUp + reps; round += 1) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(round + offset) % names.length] as keyof V & string;
      const sample = await (variants[name] as () => Promise<unknown>)();
      if (round >= warmUp) samples[name]?.push(sample);
    }
  }
  return samples as { [K in keyof V]: Array<Awaited<ReturnType<V[K]>>> };
}
