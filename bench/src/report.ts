import type { GoalCheck } from './goals.js';
import type { MachineInfo } from './machine.js';
import { checksTable, concurrencySection, peersSection } from './report-peers.js';
import { scaleOutSection } from './report-scale-out.js';
import { startupSection } from './report-startup.js';
import type { Summary } from './stats.js';
import type { BenchResults, TargetCheck } from './targets.js';

const f3 = (value: number): string => value.toFixed(3);
const f2 = (value: number): string => value.toFixed(2);
const f0 = (value: number): string => value.toFixed(0);

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

/** The Markdown report `pnpm bench` prints and writes to bench/results/latest.md. */
export function formatReport(
  machine: MachineInfo,
  results: BenchResults,
  checks: { readonly goals: readonly GoalCheck[]; readonly targets: readonly TargetCheck[] },
  mode: string,
): string {
  const load = `${machine.loadAverage.start}${machine.loadAverage.end === undefined ? '' : ` → ${machine.loadAverage.end}`}`;
  const lines = [
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC · Node ${machine.node} · ${machine.os} · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB · load average ${load} · ${mode}`,
    '',
    'Times are median [p10–p90] over repetitions; loopback servers answer at once unless stated.',
    '',
    ...checksTable('Goals of issue 23 (performance, round 2), measured in this run', checks.goals),
  ];
  if (results.chain.length > 0) {
    lines.push(
      '**Chain, one agent (scenarios 1–3): milliseconds per step**',
      '',
      ...table(
        [
          'provider',
          'steps',
          'strands',
          'raw undici',
          'SDK, one client',
          'naive',
          'strands ÷ raw',
          'strands ÷ SDK',
          'overhead vs SDK',
          'naive ÷ strands',
        ],
        results.chain.map((run) => [
          run.provider,
          String(run.steps),
          spread(run.ours.perStepMs, 3),
          spread(run.rawUndici.perStepMs, 3),
          spread(run.sdk.perStepMs, 3),
          spread(run.naive.perStepMs, 3),
          f2(run.ratios.vsRawUndici),
          f2(run.ratios.vsSdk),
          `${run.overheadMsPerStep >= 0 ? '+' : ''}${f3(run.overheadMsPerStep)}`,
          f2(run.ratios.naiveVsOurs),
        ]),
      ),
      '',
      '**Chain, one agent: what each run built, sent and opened**',
      '',
      ...table(
        [
          'provider',
          'steps',
          'agents built / reused',
          'clients created',
          'requests',
          'retries',
          'TCP connections: strands / SDK, one client / naive',
        ],
        results.chain.map((run) => [
          run.provider,
          String(run.steps),
          `${run.ours.agentsBuilt} / ${run.ours.agentsReused}`,
          String(run.ours.clientsCreated),
          String(run.ours.requests),
          String(run.ours.retries),
          `${run.ours.connections} / ${run.sdk.connections} / ${run.naive.connections}`,
        ]),
      ),
      '',
    );
  }
  lines.push(...peersSection(results), ...concurrencySection(results));
  if (results.parallel.length > 0) {
    lines.push(
      '**Parallel efficiency (scenario 4): every answer takes 100 ms (server in its own process)**',
      '',
      ...table(
        [
          'provider',
          'pattern',
          'calls',
          'max_parallel',
          'wall ms',
          'ideal ms',
          'efficiency',
          'bare SDK, 8 workers: wall ms',
          'its efficiency',
          'most in flight',
          'connections',
        ],
        results.parallel.map((run) => [
          run.provider,
          run.pattern,
          String(run.tasks),
          String(run.maxParallel),
          spread(run.wallMs, 0),
          String(run.idealMs),
          `${(run.efficiency * 100).toFixed(1)}%`,
          spread(run.sdk.wallMs, 0),
          `${(run.sdk.efficiency * 100).toFixed(1)}%`,
          String(run.maxInFlight),
          String(run.connections),
        ]),
      ),
      '',
    );
  }
  if (results.startup.length > 0) lines.push(...startupSection(results));
  const journal = results.journal;
  if (journal) {
    lines.push(
      `**The journal's cost (scenario 8, in-memory model; per step = slope between ${journal.steps[0]}- and ${journal.steps[1]}-step chains)**`,
      '',
      ...table(
        ['journal', 'ms per step', 'above none'],
        [
          ['none', spread(journal.noJournalMs, 3), '–'],
          [
            'in memory',
            spread(journal.memoryJournalMs, 3),
            `+${(journal.memoryJournalMs.median - journal.noJournalMs.median).toFixed(3)} ms`,
          ],
          [
            'file session (fdatasync per turn)',
            spread(journal.fileSessionMs, 3),
            `+${journal.fileOverheadMs.toFixed(3)} ms`,
          ],
          [
            'file session, STRANDS_JOURNAL_SYNC=os',
            spread(journal.fileSessionOsMs, 3),
            `+${(journal.fileSessionOsMs.median - journal.noJournalMs.median).toFixed(3)} ms`,
          ],
          ['(one append + fdatasync on this disk)', spread(journal.fdatasyncMs, 3), ''],
          ['(a file session, once per run: create, metadata, lock)', spread(journal.sessionPerRunMs, 1), ''],
        ],
      ),
      '',
    );
  }
  const scale = results.scale;
  if (scale) {
    lines.push(
      `**Scale (scenario 6, ${scale.provider})**`,
      '',
      ...table(
        ['chain steps', 'ms per step, loopback HTTP', 'ms per step, orchestration alone (in-memory model)'],
        scale.chainPoints.map((point) => {
          const alone = scale.orchestration?.find((entry) => entry.steps === point.steps);
          return [String(point.steps), spread(point.perStepMs, 3), alone ? spread(alone.perStepMs, 3) : '–'];
        }),
      ),
      '',
      ...table(
        [
          'run',
          'calls',
          'wall ms',
          'ms per call',
          'agents built',
          'clients',
          'connections',
          'most in flight',
          'RSS rise in process',
          '`strands run`: wall ms',
          '`strands run`: peak RSS',
        ],
        scale.large.map((run) => [
          run.name,
          String(run.invocations),
          spread(run.wallMs, 0),
          f3(run.perInvocationMs),
          String(run.agentsBuilt),
          String(run.clientsCreated),
          String(run.connections),
          String(run.maxInFlight),
          `${f0(run.inProcessRssRiseMiB)} MiB`,
          f0(run.cli.wallMs),
          `${f0(run.cli.peakRssMiB)} MiB`,
        ]),
      ),
      '',
    );
  }
  lines.push(...scaleOutSection(results));
  lines.push(...checksTable('Targets', checks.targets));
  return lines.join('\n');
}
