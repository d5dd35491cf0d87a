import type { Summary } from './stats.js';
import type { BenchResults } from './targets.js';

/** `median [p10–p90]` with no decimals. */
function spread(summary: Summary): string {
  return `${summary.median.toFixed(0)} [${summary.p10.toFixed(0)}–${summary.p90.toFixed(0)}]`;
}

const orDash = (value: number | undefined, digits = 0): string =>
  value === undefined ? '–' : value.toFixed(digits);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** The start-up scenario's tables: one per Node version, then the cold cost per step. */
export function startupSection(results: BenchResults): string[] {
  const lines: string[] = [];
  const versions = [...new Set(results.startup.map((run) => run.node))];
  for (const version of versions) {
    const main = version === process.version;
    const runs = results.startup.filter((run) => run.node === version);
    lines.push(
      `**Start-up (scenario 5), Node ${version}: whole processes${main ? '' : ` (${runs[0]?.wallMs.n ?? 0} rounds)`}**`,
      '',
      ...table(
        [
          'command',
          'wall ms',
          '× node -e 0',
          '× its bare SDK',
          ...(main ? ['modules loaded', 'files read', 'peak RSS MiB', 'provider SDK modules'] : []),
        ],
        runs.map((run) => [
          `\`${run.command}\``,
          spread(run.wallMs),
          run.ratioToNode.toFixed(2),
          run.ratioToFloor === undefined ? '–' : run.ratioToFloor.toFixed(2),
          ...(main
            ? [
                orDash(run.modulesLoaded),
                orDash(run.filesRead),
                orDash(run.peakRssMiB),
                run.sdkModules === undefined ? '–' : String(run.sdkModules.length),
              ]
            : []),
        ]),
      ),
      '',
    );
  }
  if (results.skippedNodes && results.skippedNodes.length > 0) {
    lines.push(`Start-up not measured on: ${results.skippedNodes.join('; ')}`, '');
  }
  const cold = results.coldPerStep;
  if (cold) {
    lines.push(
      `**Cold per step** ((100-step process − 1-step process) / 99, Node ${process.version}): strands run ${cold.strandsMs.toFixed(2)} ms, AI SDK ${cold.aiSdkMs.toFixed(2)} ms (${(cold.strandsMs / cold.aiSdkMs).toFixed(2)}×)`,
      '',
    );
  }
  return lines;
}
