import { closeClientPool } from '@strands-cli/core';
import type { CallReplayer } from '../floor.js';
import { runOnce } from '../measure.js';
import { openAiSdk, openOpenAIDefault } from '../peers.js';
import type { BenchProvider } from '../providers.js';
import { type LoopbackServer, type RecordedRequest, reply } from '../servers.js';
import { workflowSpec } from '../specs.js';

/** Each answer waits this long, so that the calls overlap as they would against a real endpoint. */
const answerDelayMs = 50;

/** What the server saw of one way of making the concurrent calls. */
export interface ConcurrencyCount {
  readonly variant: string;
  readonly calls: number;
  readonly connections: number;
  readonly maxInFlight: number;
  readonly wallMs: number;
}

/** Scenario 9: `calls` concurrent calls by strands (max_parallel 8), the bare SDK and the AI SDK. */
export interface ConcurrencyResult {
  readonly provider: string;
  readonly maxParallel: number;
  readonly counts: readonly ConcurrencyCount[];
}

async function onFreshServer<T>(
  provider: BenchProvider,
  work: (server: LoopbackServer) => Promise<T>,
): Promise<T> {
  const server = await provider.start();
  server.setResponder(() => reply.text('done', { delayMs: answerDelayMs }));
  try {
    return await work(server);
  } finally {
    await closeClientPool();
    await server.close();
  }
}

function count(variant: string, server: LoopbackServer, started: number): ConcurrencyCount {
  const stats = server.stats();
  return {
    variant,
    calls: stats.requests,
    connections: stats.connections,
    maxInFlight: stats.maxInFlight,
    wallMs: performance.now() - started,
  };
}

/**
 * Each variant on a server of its own (a new origin, so no pool can reuse an earlier variant's
 * connections): a workflow of `calls` independent tasks run by strands with `max_parallel`, then the
 * same requests all at once through the bare openai SDK and the AI SDK, each with its defaults.
 */
export async function benchConcurrency(
  provider: BenchProvider,
  calls: number,
  maxParallel: number,
): Promise<ConcurrencyResult> {
  let recorded: RecordedRequest[] = [];
  const counts: ConcurrencyCount[] = [];
  counts.push(
    await onFreshServer(provider, async (server) => {
      const spec = workflowSpec(calls, provider.runtime(server.url), { join: false, maxParallel });
      const started = performance.now();
      await runOnce(spec, provider, server);
      recorded = [...server.requests];
      return count(`strands (max_parallel ${maxParallel})`, server, started);
    }),
  );
  const peers: ReadonlyArray<readonly [string, (url: string) => Promise<CallReplayer>]> = [
    ['bare openai SDK, default', openOpenAIDefault],
    ['AI SDK, default', openAiSdk],
  ];
  for (const [variant, open] of peers) {
    counts.push(
      await onFreshServer(provider, async (server) => {
        const started = performance.now();
        const replayer = await open(server.url);
        await Promise.all(recorded.map((request) => replayer.call(request)));
        await replayer.close();
        return count(variant, server, started);
      }),
    );
  }
  return { provider: provider.id, maxParallel, counts };
}
