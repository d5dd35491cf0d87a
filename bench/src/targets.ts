import type { ChainResult } from './scenarios/chain.js';
import type { ConcurrencyResult } from './scenarios/concurrency.js';
import type { GrowthPoint } from './scenarios/growth.js';
import type { JournalCost } from './scenarios/journal.js';
import type { OrchestrationPoint } from './scenarios/orchestration.js';
import type { ParallelResult } from './scenarios/parallel.js';
import type { ChainScalePoint, LargeRunResult } from './scenarios/scale.js';
import type { ScaleOutResult } from './scenarios/scale-out.js';
import type { StartupResult } from './scenarios/startup.js';

/** One performance target against what was measured. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Everything the bench measured. */
export interface BenchResults {
  /** Validate and run of long workflow chains (scenario 7). */
  readonly growth?: readonly GrowthPoint[];
  /** What keeping the run's journal costs per step (scenario 8). */
  readonly journal?: JournalCost;
  /** Submitted runs on 1, 2 and 4 workers, and the DBOS engine's cost per step (scenario 10). */
  readonly scaleOut?: ScaleOutResult;
  readonly chain: readonly ChainResult[];
  /** Concurrent calls: connections opened by strands and by its peers (scenario 9). */
  readonly concurrency?: ConcurrencyResult;
  readonly parallel: readonly ParallelResult[];
  /** Start-up processes, on every Node measured (`node` names it). */
  readonly startup: readonly StartupResult[];
  /** (100-step process − 1-step process) / 99, ms: strands run and the AI SDK. */
  readonly coldPerStep?: { readonly strandsMs: number; readonly aiSdkMs: number };
  /** Node binaries the start-up scenario could not use. */
  readonly skippedNodes?: readonly string[];
  readonly scale?: {
    readonly provider: string;
    readonly chainPoints: readonly ChainScalePoint[];
    readonly large: readonly LargeRunResult[];
    readonly orchestration?: readonly OrchestrationPoint[];
  };
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;

/** Checks the performance targets (reported, never a timed test: timings vary by machine). */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const run of results.chain.filter((entry) => entry.steps === 100)) {
    checks.push({
      target: `${run.provider}: 100-step chain, per-step overhead < 0.25 ms above the SDK and ≤ 1.25× it`,
      measured: `+${ms(run.overheadMsPerStep)} (${run.ratios.vsSdk.toFixed(2)}×)`,
      met: run.overheadMsPerStep < 0.25 && run.ratios.vsSdk <= 1.25,
    });
  }
  for (const run of results.chain) {
    checks.push({
      target: `${run.provider}: ${run.steps}-step chain, 1 agent built, 1 client, ≤ 2 connections`,
      measured: `${run.ours.agentsBuilt} built, ${run.ours.clientsCreated} client, ${run.ours.connections} connection(s)`,
      met: run.ours.agentsBuilt === 1 && run.ours.clientsCreated === 1 && run.ours.connections <= 2,
    });
  }
  for (const run of results.parallel) {
    checks.push({
      target: `${run.provider}: ${run.tasks}-way ${run.pattern}, efficiency ≥ 90%, in flight and connections ≤ ${run.maxParallel}`,
      measured: `${(run.efficiency * 100).toFixed(1)}%, ${run.maxInFlight} in flight, ${run.connections} connections`,
      met: run.efficiency >= 0.9 && run.maxInFlight <= run.maxParallel && run.connections <= run.maxParallel,
    });
  }
  for (const command of results.startup.filter((entry) => entry.node === process.version)) {
    if (command.command === 'strands --version') {
      checks.push({
        target: '`strands --version` within 1.6× of `node -e 0`',
        measured: `${command.ratioToNode.toFixed(2)}×`,
        met: command.ratioToNode <= 1.6,
      });
    }
    if (command.command === 'strands validate' || command.command === 'strands plan') {
      checks.push({
        target: `\`${command.command}\` of a typical spec < 150 ms`,
        measured: `${command.wallMs.median.toFixed(0)} ms`,
        met: command.wallMs.median < 150,
      });
    }
    if (command.sdkModules) {
      checks.push({
        target: `\`${command.command}\` imports no provider SDK`,
        measured: `${command.sdkModules.length} SDK module(s) of ${command.modulesLoaded}`,
        met: command.sdkModules.length === 0,
      });
    }
  }
  const scale = results.scale;
  if (scale) {
    const workflow = scale.large.find((run) => run.name.startsWith('workflow'));
    if (workflow) {
      checks.push({
        target: 'Peak RSS of the 1000-task workflow < 200 MB (`strands run` process)',
        measured: `${workflow.cli.peakRssMiB.toFixed(0)} MiB`,
        met: workflow.cli.peakRssMiB < 200,
      });
    }
    const flat = (label: string, points: ReadonlyArray<{ steps: number; perStepMs: { median: number } }>) => {
      const at = (steps: number) =>
        points.find((point) => point.steps === steps)?.perStepMs.median ?? Number.NaN;
      if (points.length === 0) return;
      checks.push({
        target: `Per-step cost flat from 10 to 1000 steps, ${label} (1000 within 1.25× of the cheaper of 10 and 100)`,
        measured: `${ms(at(10))} / ${ms(at(100))} / ${ms(at(1000))}`,
        met: at(1000) <= Math.min(at(10), at(100)) * 1.25,
      });
    };
    flat('loopback HTTP', scale.chainPoints);
    flat('orchestration alone', scale.orchestration ?? []);
  }
  if (results.journal) {
    checks.push({
      target: 'The session journal (file store, fdatasync on) costs < 0.3 ms per step',
      measured: `+${ms(results.journal.fileOverheadMs)} (one fdatasync here: ${ms(results.journal.fdatasyncMs.median)})`,
      met: results.journal.fileOverheadMs < 0.3,
    });
    const osOverhead = results.journal.fileSessionOsMs.median - results.journal.noJournalMs.median;
    checks.push({
      target: 'The session journal with STRANDS_JOURNAL_SYNC=os costs < 0.3 ms per step',
      measured: `+${ms(osOverhead)}`,
      met: osOverhead < 0.3,
    });
  }
  return checks;
}
