import { spawn } from 'node:child_process';
import { runNodeListingModules, vendorSdkModules } from '@strands-cli/test-servers/startup-probe';
import type { NodeBinary } from '../nodes.js';
import { type Summary, summarize } from '../stats.js';
import { commandNames, prepareStartup, type StartupCommand } from './startup-commands.js';

export { typicalSpec } from './startup-commands.js';

/** One command as a whole process, on one Node. */
export interface StartupResult {
  /** The Node version it ran on (`v20.20.2`). */
  readonly node: string;
  readonly command: string;
  readonly wallMs: Summary;
  /** Median over the median of `node -e 0` on the same Node. */
  readonly ratioToNode: number;
  /** The bare SDK floor it is compared with, and its median over the floor's. */
  readonly floor?: string;
  readonly ratioToFloor?: number;
  /** Modules the process loaded (ESM and CommonJS), on the bench's own Node. */
  readonly modulesLoaded?: number;
  /** Files the process read: a chunk of the bundled CLI counts once, whatever it inlines. */
  readonly filesRead?: number;
  /** Peak RSS of the probed process (getrusage), MiB. */
  readonly peakRssMiB?: number;
  /** Modules of vendor SDKs a start-up command loaded (must be none), for the CLI's non-run commands. */
  readonly sdkModules?: readonly string[];
}

/** Scenario 5: the start-up processes on every Node, and the cold cost per step. */
export interface StartupScenario {
  readonly results: readonly StartupResult[];
  /** (100-step process − 1-step process) / 99, on the bench's Node. */
  readonly coldPerStep?: { readonly strandsMs: number; readonly aiSdkMs: number };
  /** Node binaries that could not be used, and why. */
  readonly skippedNodes: readonly string[];
}

/** Spawns `execPath args` and resolves to its wall time (spawn to exit) in milliseconds. */
function timeProcess(execPath: string, command: StartupCommand): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(execPath, command.args, { env: command.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command.name} (${execPath}) exited with ${code}: ${stderr}`));
    });
  });
}

/** Each command `reps` times on `node`, interleaved in a rotating order after one warm-up round. */
async function timeOnNode(
  node: NodeBinary,
  commands: readonly StartupCommand[],
  reps: number,
): Promise<Map<string, Summary>> {
  const samples = new Map<string, number[]>(commands.map((command) => [command.name, []]));
  for (let round = 0; round <= reps; round += 1) {
    for (let offset = 0; offset < commands.length; offset += 1) {
      const command = commands[(round + offset) % commands.length] as StartupCommand;
      const ms = await timeProcess(node.execPath, command);
      if (round > 0) samples.get(command.name)?.push(ms);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, summarize(values)]));
}

/** One run of `command` with the module probe: modules, files, peak RSS. */
async function probe(command: StartupCommand): Promise<Partial<StartupResult>> {
  if (command.name === commandNames.node) return {};
  const probed = await runNodeListingModules(command.args, { env: command.env });
  if (probed.code !== 0) throw new Error(`${command.name} exited with ${probed.code}: ${probed.stderr}`);
  return {
    modulesLoaded: probed.modules.length,
    filesRead: probed.files.length,
    ...(probed.peakRssKiB === undefined ? {} : { peakRssMiB: probed.peakRssKiB / 1024 }),
    ...(command.sdkFree ? { sdkModules: vendorSdkModules(probed.modules) } : {}),
  };
}

/**
 * Scenario 5: every start-up command `reps` times as a whole process on this Node (and
 * `otherReps` times on each of `others`), interleaved, then each once with the module probe.
 */
export async function benchStartup(
  reps: number,
  others: {
    readonly nodes: readonly NodeBinary[];
    readonly skipped: readonly string[];
    readonly reps: number;
  },
  progress: (text: string) => void,
): Promise<StartupScenario> {
  const setup = await prepareStartup();
  try {
    const results: StartupResult[] = [];
    const main: NodeBinary = { version: process.version, execPath: process.execPath };
    for (const node of [main, ...others.nodes]) {
      const isMain = node === main;
      const commands = setup.commands.filter((command) => isMain || !command.mainNodeOnly);
      progress(`start-up: ${commands.length} commands on Node ${node.version}`);
      const timed = await timeOnNode(node, commands, isMain ? reps : others.reps);
      const nodeMedian = timed.get(commandNames.node)?.median ?? Number.NaN;
      for (const command of commands) {
        const wallMs = timed.get(command.name) as Summary;
        const floor = command.floor ? timed.get(command.floor) : undefined;
        results.push({
          node: node.version,
          command: command.name,
          wallMs,
          ratioToNode: wallMs.median / nodeMedian,
          ...(command.floor && floor
            ? { floor: command.floor, ratioToFloor: wallMs.median / floor.median }
            : {}),
          ...(isMain ? await probe(command) : {}),
        });
      }
    }
    const median = (name: string): number =>
      results.find((result) => result.node === main.version && result.command === name)?.wallMs.median ??
      Number.NaN;
    return {
      results,
      coldPerStep: {
        strandsMs: (median(commandNames.run100) - median(commandNames.run('openai'))) / 99,
        aiSdkMs: (median(commandNames.aiSdk100) - median(commandNames.aiSdk)) / 99,
      },
      skippedNodes: others.skipped,
    };
  } finally {
    await setup.close();
  }
}
