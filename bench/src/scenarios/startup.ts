import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strandsBin } from '@strands-cli/test-servers/cli-process';
import { runCliListingModules, vendorSdkModules } from '@strands-cli/test-servers/startup-probe';
import { processEnv } from '../providers.js';
import { type Summary, summarize } from '../stats.js';

/** The typical spec `validate` and `plan` read. */
export const typicalSpec = fileURLToPath(new URL('../../fixtures/typical.yaml', import.meta.url));

/** One command as a whole process. */
export interface StartupResult {
  readonly command: string;
  readonly wallMs: Summary;
  /** Median over the median of `node -e 0`. */
  readonly ratioToNode: number;
  /** Modules the process loaded (ESM and CommonJS), and those of vendor SDKs (must be none). */
  readonly modulesLoaded?: number;
  /** Files the process read: a chunk of the bundled CLI counts once, whatever it inlines. */
  readonly filesRead?: number;
  readonly sdkModules?: readonly string[];
}

const commands: ReadonlyArray<readonly [name: string, args: readonly string[]]> = [
  ['node -e 0', ['-e', '0']],
  ['strands --version', [strandsBin, '--version']],
  ['strands validate', [strandsBin, 'validate', typicalSpec, '--var', 'changes=fixes']],
  ['strands plan', [strandsBin, 'plan', typicalSpec, '--var', 'changes=fixes']],
];

/** Spawns `node args` and resolves to its wall time (spawn to exit) in milliseconds. */
function timeProcess(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: processEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * Scenario 5: each command `reps` times as a whole process, interleaved (after one warm-up round
 * that fills the file system cache), then the modules each strands command loaded.
 */
export async function benchStartup(reps: number): Promise<StartupResult[]> {
  const samples = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  for (let round = 0; round <= reps; round += 1) {
    for (const [name, args] of commands) {
      const ms = await timeProcess(args);
      if (round > 0) samples.get(name)?.push(ms);
    }
  }
  const nodeMedian = summarize(samples.get('node -e 0') ?? []).median;
  const results: StartupResult[] = [];
  for (const [name, args] of commands) {
    const wallMs = summarize(samples.get(name) ?? []);
    const result: StartupResult = { command: name, wallMs, ratioToNode: wallMs.median / nodeMedian };
    if (args[0] === strandsBin) {
      const probed = await runCliListingModules(args.slice(1), { env: processEnv() });
      results.push({
        ...result,
        modulesLoaded: probed.modules.length,
        filesRead: probed.files.length,
        sdkModules: vendorSdkModules(probed.modules),
      });
    } else {
      results.push(result);
    }
  }
  return results;
}
