import { openRawUndici, openSdkClient } from '../floor.js';
import { interleave, replayOnce, runOnce, type Sample } from '../measure.js';
import { naiveReplayer } from '../naive.js';
import { openAiSdk, openOpenAIDefault } from '../peers.js';
import type { BenchProvider } from '../providers.js';
import type { LoopbackServer } from '../servers.js';
import { chainSpec } from '../specs.js';
import { mode, type Summary, summarize } from '../stats.js';

/** Time per step and connections of one way of making the chain's calls. */
export interface VariantResult {
  /** Milliseconds per step (the repetition's wall time divided by the number of steps). */
  readonly perStepMs: Summary;
  /** CPU milliseconds of the whole process (client and server) per step. */
  readonly cpuPerStepMs: Summary;
  readonly totalMs: Summary;
  /** TCP connections per repetition (the most frequent count). */
  readonly connections: number;
  readonly requests: number;
}

/** Scenarios 1-3 for one provider and one chain length. */
export interface ChainResult {
  readonly provider: string;
  readonly steps: number;
  /** Our run (`runWorkflow`), with what it built and reused. */
  readonly ours: VariantResult & {
    readonly agentsBuilt: number;
    readonly agentsReused: number;
    readonly clientsCreated: number;
    readonly clientsReused: number;
    readonly retries: number;
  };
  /** (a) The same requests through raw undici with one keep-alive Agent. */
  readonly rawUndici: VariantResult;
  /** (b) The same requests through the provider SDK with one client. */
  readonly sdk: VariantResult;
  /** The naive baseline: a new SDK client and new connections per step. */
  readonly naive: VariantResult;
  /** Our median per-step time over each floor's, and the naive baseline's over ours. */
  readonly ratios: Ratios;
  /** The same ratios on CPU time. */
  readonly cpuRatios: Ratios;
  /** Our median per-step time minus the SDK floor's, in milliseconds. */
  readonly overheadMsPerStep: number;
  /** OpenAI only: the peers with their default configuration, in the same interleaved rounds. */
  readonly peers?: Peers;
  /** The same on CPU time. */
  readonly cpuOverheadMsPerStep: number;
}

/** The bare openai SDK and the AI SDK, each with its default configuration, beside our run. */
export interface Peers {
  readonly sdkDefault: VariantResult;
  readonly aiSdk: VariantResult;
  /** Our median per-step time over each peer's. */
  readonly vsSdkDefault: number;
  readonly vsAiSdk: number;
  /** Rounds in which our run was faster than the AI SDK's, of `rounds`. */
  readonly winsOverAiSdk: number;
  readonly rounds: number;
}

/** Our per-step time over each floor's, and the naive baseline's over ours. */
export interface Ratios {
  readonly vsRawUndici: number;
  readonly vsSdk: number;
  readonly naiveVsOurs: number;
}

function ratiosOf(
  key: 'perStepMs' | 'cpuPerStepMs',
  ours: VariantResult,
  raw: VariantResult,
  sdk: VariantResult,
  naive: VariantResult,
): Ratios {
  return {
    vsRawUndici: ours[key].median / raw[key].median,
    vsSdk: ours[key].median / sdk[key].median,
    naiveVsOurs: naive[key].median / ours[key].median,
  };
}

function variant(samples: readonly Sample[], steps: number): VariantResult {
  return {
    perStepMs: summarize(samples.map((sample) => sample.ms / steps)),
    cpuPerStepMs: summarize(samples.map((sample) => sample.cpuMs / steps)),
    totalMs: summarize(samples.map((sample) => sample.ms)),
    connections: mode(samples.map((sample) => sample.connections)),
    requests: mode(samples.map((sample) => sample.requests)),
  };
}

/**
 * Runs a chain of `steps` steps through `runWorkflow`, then replays exactly the requests it sent
 * through the floors and the naive baseline, all interleaved.
 */
export async function benchChain(
  provider: BenchProvider,
  server: LoopbackServer,
  steps: number,
  reps: number,
  warmUp: number,
): Promise<ChainResult> {
  const spec = chainSpec(steps, provider.runtime(server.url));
  // One run first, to record the exact requests the floors replay.
  await runOnce(spec, provider, server);
  const recorded = [...server.requests];
  const samples = await interleave(
    {
      ours: () => runOnce(spec, provider, server),
      rawUndici: () => replayOnce(() => openRawUndici(server.url), recorded, server),
      sdk: () => replayOnce(() => openSdkClient(provider, server.url), recorded, server),
      naive: () => replayOnce(() => naiveReplayer(provider, server), recorded, server),
      ...(provider.id === 'openai'
        ? {
            sdkDefault: () => replayOnce(() => openOpenAIDefault(server.url), recorded, server),
            aiSdk: () => replayOnce(() => openAiSdk(server.url), recorded, server),
          }
        : {}),
    },
    reps,
    warmUp,
  );
  const counts = samples.ours.map((sample) => sample.counts);
  const ours = variant(samples.ours, steps);
  const rawUndici = variant(samples.rawUndici, steps);
  const sdk = variant(samples.sdk, steps);
  const naive = variant(samples.naive, steps);
  const peers = peersOf(samples as Partial<Record<string, Sample[]>>, ours, steps);
  return {
    provider: provider.id,
    steps,
    ours: {
      ...ours,
      agentsBuilt: mode(counts.map((count) => count.agentsBuilt)),
      agentsReused: mode(counts.map((count) => count.agentsReused)),
      clientsCreated: mode(counts.map((count) => count.clientsCreated)),
      clientsReused: mode(counts.map((count) => count.clientsReused)),
      retries: mode(counts.map((count) => count.retries)),
    },
    rawUndici,
    sdk,
    naive,
    ratios: ratiosOf('perStepMs', ours, rawUndici, sdk, naive),
    cpuRatios: ratiosOf('cpuPerStepMs', ours, rawUndici, sdk, naive),
    overheadMsPerStep: ours.perStepMs.median - sdk.perStepMs.median,
    cpuOverheadMsPerStep: ours.cpuPerStepMs.median - sdk.cpuPerStepMs.median,
    ...(peers ? { peers } : {}),
  };
}

/** The peers' figures, when they ran; round `i` of each variant is its `i`-th sample. */
function peersOf(
  samples: Partial<Record<string, Sample[]>>,
  ours: VariantResult,
  steps: number,
): Peers | undefined {
  const { ours: oursSamples, sdkDefault, aiSdk } = samples;
  if (!oursSamples || !sdkDefault || !aiSdk) return undefined;
  const sdkDefaultResult = variant(sdkDefault, steps);
  const aiSdkResult = variant(aiSdk, steps);
  return {
    sdkDefault: sdkDefaultResult,
    aiSdk: aiSdkResult,
    vsSdkDefault: ours.perStepMs.median / sdkDefaultResult.perStepMs.median,
    vsAiSdk: ours.perStepMs.median / aiSdkResult.perStepMs.median,
    winsOverAiSdk: oursSamples.filter((sample, round) => sample.ms < (aiSdk[round]?.ms ?? 0)).length,
    rounds: oursSamples.length,
  };
}
