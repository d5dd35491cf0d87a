import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strandsBin } from '@strands-cli/test-servers/cli-process';
import { runOnce } from '../measure.js';
import { type BenchProvider, processEnv } from '../providers.js';
import type { LoopbackServer } from '../servers.js';
import { chainSpec, workflowSpec } from '../specs.js';
import { mode, type Summary, summarize } from '../stats.js';

/** Per-step time of a chain of `steps` steps (scenario 6, flatness). */
export interface ChainScalePoint {
  readonly steps: number;
  readonly perStepMs: Summary;
}

/** One large run, in this process and as a `strands run` process. */
export interface LargeRunResult {
  readonly name: string;
  readonly invocations: number;
  readonly wallMs: Summary;
  readonly perInvocationMs: number;
  readonly connections: number;
  readonly maxInFlight: number;
  readonly agentsBuilt: number;
  readonly clientsCreated: number;
  /** Peak resident memory sampled during the in-process runs, and its rise over the start. */
  readonly inProcessPeakRssMiB: number;
  readonly inProcessRssRiseMiB: number;
  /** `strands run --json` of the same spec as its own process: wall time and peak RSS (getrusage). */
  readonly cli: { readonly wallMs: number; readonly peakRssMiB: number; readonly connections: number };
}

const mib = 1024 * 1024;

/** Scenario 6a: per-step time of chains of each length, in this process. */
export async function benchChainScale(
  provider: BenchProvider,
  server: LoopbackServer,
  plan: ReadonlyArray<readonly [steps: number, reps: number]>,
): Promise<ChainScalePoint[]> {
  const points: ChainScalePoint[] = [];
  for (const [steps, reps] of plan) {
    const spec = chainSpec(steps, provider.runtime(server.url));
    await runOnce(spec, provider, server);
    const samples: number[] = [];
    for (let round = 0; round < reps; round += 1) {
      samples.push((await runOnce(spec, provider, server)).ms / steps);
    }
    points.push({ steps, perStepMs: summarize(samples) });
  }
  return points;
}

/** Samples this process's RSS every few milliseconds until stopped; returns the peak. */
function sampleRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/** Prints the process's peak RSS (kB, from getrusage) on stderr as it exits. */
const maxRssPreload = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('\\nbench-max-rss-kb:' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

/** Runs `strands run <file> --json` as its own process against `server`. */
async function runCliProcess(
  spec: Record<string, unknown>,
  provider: BenchProvider,
  server: LoopbackServer,
): Promise<LargeRunResult['cli']> {
  const directory = await mkdtemp(join(tmpdir(), 'strands-bench-'));
  try {
    const file = join(directory, 'spec.json');
    await writeFile(file, JSON.stringify(spec));
    server.reset();
    const started = performance.now();
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', maxRssPreload, strandsBin, 'run', file, '--json', '--out', join(directory, 'out')],
        { env: processEnv(provider.env), stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let text = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`strands run exited with ${code}: ${text}`)),
      );
    });
    const wallMs = performance.now() - started;
    const kb = Number(/bench-max-rss-kb:(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
    return { wallMs, peakRssMiB: kb / 1024, connections: server.stats().connections };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Scenario 6b: one large spec, `reps` times in this process, then once as a CLI process. */
export async function benchLargeRun(
  name: string,
  spec: Record<string, unknown>,
  provider: BenchProvider,
  server: LoopbackServer,
  reps: number,
): Promise<LargeRunResult> {
  const startRss = process.memoryUsage.rss();
  const stop = sampleRss();
  const samples = [];
  for (let round = 0; round < reps; round += 1) samples.push(await runOnce(spec, provider, server));
  const peak = stop();
  const wallMs = summarize(samples.map((sample) => sample.ms));
  const invocations = samples[0]?.counts.invocations ?? 0;
  const cli = await runCliProcess(spec, provider, server);
  return {
    name,
    invocations,
    wallMs,
    perInvocationMs: wallMs.median / invocations,
    connections: mode(samples.map((sample) => sample.connections)),
    maxInFlight: Math.max(...samples.map((sample) => sample.maxInFlight)),
    agentsBuilt: mode(samples.map((sample) => sample.counts.agentsBuilt)),
    clientsCreated: mode(samples.map((sample) => sample.counts.clientsCreated)),
    inProcessPeakRssMiB: peak / mib,
    inProcessRssRiseMiB: (peak - startRss) / mib,
    cli,
  };
}

/** The two large specs of scenario 6. */
export function largeSpecs(
  provider: BenchProvider,
  server: LoopbackServer,
): Array<[string, Record<string, unknown>]> {
  const runtime = provider.runtime(server.url);
  return [
    ['workflow: 999 tasks fan out, 1 fans in', workflowSpec(1000, runtime, { join: true })],
    ['chain: 1000 steps', chainSpec(1000, runtime)],
  ];
}
