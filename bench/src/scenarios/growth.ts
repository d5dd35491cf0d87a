import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strandsBin } from '@strands-cli/test-servers/cli-process';
import { type BenchProvider, processEnv } from '../providers.js';
import type { LoopbackServer } from '../servers.js';

/** `validate` and `run` of one chain length as CLI processes: wall time and peak RSS. */
export interface GrowthPoint {
  readonly tasks: number;
  readonly command: 'validate' | 'run';
  readonly exitCode: number | null;
  readonly wallMs: number;
  readonly peakRssMiB: number;
}

/** Chain lengths measured: ×4 apart, so linear growth shows as ~4× and quadratic as ~16×. */
export const growthLengths = [1000, 4000, 16000] as const;

/** Prints the process's peak RSS (kB, from getrusage) on stderr as it exits. */
const maxRssPreload = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('\\nbench-max-rss-kb:' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

/** A workflow chain of `tasks` tasks, each reading the status of the one before. */
function chainWorkflow(tasks: number, runtime: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1,
    name: `bench-growth-${tasks}`,
    runtime,
    agents: { relay: { prompt: 'Relay.' } },
    pattern: {
      type: 'workflow',
      config: {
        tasks: Array.from({ length: tasks }, (_, index) =>
          index === 0
            ? { id: 't0', agent: 'relay', input: 'start' }
            : {
                id: `t${index}`,
                agent: 'relay',
                input: `after {{ tasks.t${index - 1}.status }}`,
                deps: [`t${index - 1}`],
              },
        ),
      },
    },
  };
}

async function measure(
  args: readonly string[],
  env: Record<string, string>,
): Promise<Omit<GrowthPoint, 'tasks' | 'command'>> {
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', maxRssPreload, strandsBin, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stderr: text }));
  });
  const kb = Number(/bench-max-rss-kb:(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { exitCode: code, wallMs: performance.now() - started, peakRssMiB: kb / 1024 };
}

/**
 * Scenario 7: growth. `strands validate` and `strands run` of workflow chains of 1k, 4k and 16k
 * tasks (16k is over the task limit: validate refuses it, exit 3, and run is skipped). What matters
 * is the ratio between lengths, printed by {@link formatGrowth}.
 */
export async function benchGrowth(provider: BenchProvider, server: LoopbackServer): Promise<GrowthPoint[]> {
  const points: GrowthPoint[] = [];
  const directory = await mkdtemp(join(tmpdir(), 'strands-bench-growth-'));
  try {
    for (const tasks of growthLengths) {
      const file = join(directory, `chain-${tasks}.json`);
      await writeFile(file, JSON.stringify(chainWorkflow(tasks, provider.runtime(server.url))));
      const env = processEnv(provider.env);
      points.push({ tasks, command: 'validate', ...(await measure(['validate', file], env)) });
      if (points.at(-1)?.exitCode !== 0) continue;
      server.reset();
      const out = join(directory, `out-${tasks}`);
      points.push({ tasks, command: 'run', ...(await measure(['run', file, '--json', '--out', out], env)) });
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return points;
}

/** A table of the points with the growth ratio over the previous length of the same command. */
export function formatGrowth(points: readonly GrowthPoint[]): string {
  const lines = [
    '| command | tasks | exit | wall | ×prev | peak RSS | ×prev |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const point of points) {
    const previous = points
      .filter((other) => other.command === point.command && other.tasks < point.tasks)
      .at(-1);
    const ratio = (now: number, before: number | undefined) =>
      before ? `${(now / before).toFixed(1)}×` : '';
    lines.push(
      `| ${point.command} | ${point.tasks} | ${point.exitCode} | ${(point.wallMs / 1000).toFixed(2)} s | ${ratio(point.wallMs, previous?.wallMs)} | ${point.peakRssMiB.toFixed(0)} MiB | ${ratio(point.peakRssMiB, previous?.peakRssMiB)} |`,
    );
  }
  return lines.join('\n');
}
