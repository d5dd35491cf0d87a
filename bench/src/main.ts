/**
 * `pnpm bench`: every performance scenario in one process (start-up and the `strands run` memory
 * figures spawn processes), against loopback servers. Prints a Markdown report and writes
 * bench/results/latest.json and latest.md. `--quick` runs fewer repetitions; `--only=chain,parallel,
 * startup,scale,growth,journal,scale-out` picks scenarios.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { closeClientPool } from '@strands-cli/core';
import { checkGoals } from './goals.js';
import { describeMachine, round1 } from './machine.js';
import { otherNodes } from './nodes.js';
import { benchProviders } from './providers.js';
import { startRemoteServer } from './remote-server.js';
import { formatReport } from './report.js';
import { benchChain, type ChainResult } from './scenarios/chain.js';
import { benchConcurrency } from './scenarios/concurrency.js';
import { benchGrowth, formatGrowth, type GrowthPoint } from './scenarios/growth.js';
import { benchJournal } from './scenarios/journal.js';
import { benchOrchestration } from './scenarios/orchestration.js';
import { answerDelayMs, benchParallel, type ParallelResult } from './scenarios/parallel.js';
import { benchChainScale, benchLargeRun, largeSpecs } from './scenarios/scale.js';
import { benchScaleOut } from './scenarios/scale-out.js';
import { benchStartup, type StartupScenario } from './scenarios/startup.js';
import type { LoopbackServer } from './servers.js';
import { type BenchResults, checkTargets } from './targets.js';

const scenarioNames = [
  'chain',
  'concurrency',
  'parallel',
  'startup',
  'scale',
  'growth',
  'journal',
  'scale-out',
] as const;
type ScenarioName = (typeof scenarioNames)[number];

interface Options {
  readonly quick: boolean;
  /** Do not install Node 22 and 24 from the npm registry for the start-up scenario when missing. */
  readonly noInstallNodes: boolean;
  readonly only: ReadonlySet<ScenarioName>;
}

function parseOptions(argv: readonly string[]): Options {
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const picked = only
    ? only.split(',').filter((name): name is ScenarioName => scenarioNames.includes(name as ScenarioName))
    : scenarioNames;
  return {
    quick: argv.includes('--quick'),
    noInstallNodes: argv.includes('--no-install-nodes'),
    only: new Set(picked),
  };
}

/** Chain lengths and how many timed repetitions each gets. */
type LengthPlan = ReadonlyArray<readonly [steps: number, reps: number]>;

/** How often each scenario repeats. */
interface Repetitions {
  readonly chain: number;
  readonly warmUp: number;
  readonly parallel: number;
  readonly startup: number;
  /** Start-up rounds on Node 22 and 24. */
  readonly startupOtherNodes: number;
  readonly scale: LengthPlan;
  readonly orchestration: LengthPlan;
  readonly large: number;
}

/** Repetitions: the full run gives stable medians on a busy 2-core machine in a few minutes. */
function repetitions(quick: boolean): Repetitions {
  if (quick) {
    return {
      chain: 5,
      warmUp: 1,
      parallel: 2,
      startup: 5,
      startupOtherNodes: 3,
      scale: [
        [10, 5],
        [100, 3],
        [1000, 1],
      ],
      orchestration: [
        [10, 20],
        [100, 5],
        [1000, 2],
      ],
      large: 1,
    };
  }
  return {
    // 15 interleaved rounds: the goal counts the AI SDK's wins over 15.
    chain: 15,
    warmUp: 3,
    parallel: 5,
    startup: 15,
    startupOtherNodes: 7,
    scale: [
      [10, 15],
      [100, 7],
      [1000, 3],
    ],
    orchestration: [
      [10, 100],
      [100, 20],
      [1000, 5],
    ],
    large: 2,
  };
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function withServer<T>(
  start: () => Promise<LoopbackServer>,
  work: (server: LoopbackServer) => Promise<T>,
): Promise<T> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    await closeClientPool();
    await server.close();
  }
}

async function main(): Promise<number> {
  // The AWS SDK warns on every client about Node 20 support; that is noise in a benchmark's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const options = parseOptions(process.argv.slice(2));
  const reps = repetitions(options.quick);
  const machine = describeMachine();
  const started = performance.now();
  const chain: ChainResult[] = [];
  const parallel: ParallelResult[] = [];
  let startup: StartupScenario | undefined;
  let scale: BenchResults['scale'];

  for (const provider of benchProviders) {
    await withServer(provider.start, async (server) => {
      if (options.only.has('chain')) {
        for (const steps of [10, 100]) {
          progress(`chain: ${provider.id}, ${steps} steps`);
          chain.push(await benchChain(provider, server, steps, reps.chain, reps.warmUp));
        }
      }
    });
    if (options.only.has('parallel')) {
      const remote = await startRemoteServer(provider.id, answerDelayMs);
      try {
        for (const pattern of ['workflow', 'parallel'] as const) {
          progress(`parallel: ${provider.id}, ${pattern}`);
          parallel.push(await benchParallel(provider, remote, pattern, 32, 8, reps.parallel));
        }
      } finally {
        await closeClientPool();
        await remote.close();
      }
    }
  }
  let concurrency: BenchResults['concurrency'];
  if (options.only.has('concurrency')) {
    const provider = benchProviders[0];
    if (!provider) throw new Error('no provider');
    progress(`concurrency: ${provider.id}, 20 concurrent calls by strands, the bare SDK and the AI SDK`);
    concurrency = await benchConcurrency(provider, 20, 8);
  }
  if (options.only.has('scale')) {
    const provider = benchProviders[0];
    if (!provider) throw new Error('no provider');
    scale = await withServer(provider.start, async (server) => {
      progress(`scale: ${provider.id}, chains of 10, 100 and 1000 steps`);
      const chainPoints = await benchChainScale(provider, server, reps.scale);
      const large = [];
      for (const [name, spec] of largeSpecs(provider, server)) {
        progress(`scale: ${provider.id}, ${name}`);
        large.push(await benchLargeRun(name, spec, provider, server, reps.large));
      }
      return { provider: provider.id, chainPoints, large };
    });
    progress('scale: orchestration alone (in-memory model), chains of 10, 100 and 1000 steps');
    scale = { ...scale, orchestration: await benchOrchestration(reps.orchestration) };
  }
  let journal: BenchResults['journal'];
  if (options.only.has('journal')) {
    progress(
      'journal: its cost per step and per run, chains of 10 and 100 steps, none / memory / file sessions',
    );
    journal = await benchJournal(options.quick ? 5 : 15);
  }
  let scaleOut: BenchResults['scaleOut'];
  if (options.only.has('scale-out')) {
    const provider = benchProviders[0];
    if (!provider) throw new Error('no provider');
    // Submitted runs need PostgreSQL: a real one from the npm registry, started and removed here.
    scaleOut = await benchScaleOut(provider, options.quick ? 40 : 100, options.quick ? 5 : 15, progress);
  }
  let growth: GrowthPoint[] | undefined;
  if (options.only.has('growth')) {
    const provider = benchProviders[0];
    if (!provider) throw new Error('no provider');
    progress(`growth: ${provider.id}, validate and run of workflow chains of 1k, 4k and 16k tasks`);
    growth = await withServer(provider.start, (server) => benchGrowth(provider, server));
    progress(formatGrowth(growth));
  }
  if (options.only.has('startup')) {
    const others = await otherNodes(!options.noInstallNodes);
    startup = await benchStartup(reps.startup, { ...others, reps: reps.startupOtherNodes }, progress);
  }

  const results: BenchResults = {
    chain,
    parallel,
    startup: startup?.results ?? [],
    ...(concurrency ? { concurrency } : {}),
    ...(startup?.coldPerStep ? { coldPerStep: startup.coldPerStep } : {}),
    ...(startup && startup.skippedNodes.length > 0 ? { skippedNodes: startup.skippedNodes } : {}),
    ...(scale ? { scale } : {}),
    ...(growth ? { growth } : {}),
    ...(journal ? { journal } : {}),
    ...(scaleOut ? { scaleOut } : {}),
  };
  const targets = checkTargets(results);
  const goals = checkGoals(results);
  const finished = { ...machine, loadAverage: { ...machine.loadAverage, end: round1(loadavg()[0] ?? 0) } };
  const mode = `${options.quick ? '--quick' : 'full run'}, ${((performance.now() - started) / 1000).toFixed(0)} s`;
  const report = formatReport(finished, results, { goals, targets }, mode);
  process.stdout.write(`${report}\n`);
  // A run of some scenarios only must not replace the committed results of a complete one.
  const name = options.only.size === scenarioNames.length ? 'latest' : 'partial';
  const directory = new URL('../results/', import.meta.url);
  await mkdir(directory, { recursive: true });
  await writeFile(
    new URL(`${name}.json`, directory),
    `${JSON.stringify({ machine: finished, mode, results, goals, targets }, null, 2)}\n`,
  );
  await writeFile(new URL(`${name}.md`, directory), `# pnpm bench: ${name} results\n\n${report}\n`);
  progress(`wrote bench/results/${name}.json and bench/results/${name}.md`);
  const importProblems = results.startup.some((run) => (run.sdkModules?.length ?? 0) > 0);
  // Timings are reported, not enforced; an SDK imported at start-up is a bug, so it fails the run.
  return importProblems ? 1 : 0;
}

process.exitCode = await main();
