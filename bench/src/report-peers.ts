import type { Summary } from './stats.js';
import type { BenchResults, TargetCheck } from './targets.js';

function spread(summary: Summary): string {
  return `${summary.median.toFixed(3)} [${summary.p10.toFixed(3)}–${summary.p90.toFixed(3)}]`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** The OpenAI chains beside the bare SDK and the AI SDK, each with its default configuration. */
export function peersSection(results: BenchResults): string[] {
  const runs = results.chain.filter((run) => run.peers);
  if (runs.length === 0) return [];
  return [
    '**Chain beside the peers (openai, in-process, same interleaved rounds): milliseconds per step**',
    '',
    ...table(
      [
        'steps',
        'strands',
        'bare openai SDK, default',
        'AI SDK, default',
        'strands ÷ SDK default',
        'strands ÷ AI SDK',
        'rounds strands beat the AI SDK',
      ],
      runs.map((run) => {
        const peers = run.peers as NonNullable<typeof run.peers>;
        return [
          String(run.steps),
          spread(run.ours.perStepMs),
          spread(peers.sdkDefault.perStepMs),
          spread(peers.aiSdk.perStepMs),
          peers.vsSdkDefault.toFixed(2),
          peers.vsAiSdk.toFixed(2),
          `${peers.winsOverAiSdk} of ${peers.rounds}`,
        ];
      }),
    ),
    '',
    "The peers keep their defaults: Node's global fetch, whose keep-alive pool outlives a repetition, so after the first round they reuse warm connections where strands opens its own each run.",
    '',
  ];
}

/** Connections opened for concurrent calls, counted at the server. */
export function concurrencySection(results: BenchResults): string[] {
  const concurrency = results.concurrency;
  if (!concurrency) return [];
  return [
    `**Concurrency (scenario 9, ${concurrency.provider}): the same calls at once, each variant on a server of its own, answers after 50 ms (one run each; strands' wall time holds its spec loading and ${concurrency.maxParallel}-wide waves)**`,
    '',
    ...table(
      ['variant', 'calls', 'TCP connections', 'most in flight', 'wall ms'],
      concurrency.counts.map((entry) => [
        entry.variant,
        String(entry.calls),
        String(entry.connections),
        String(entry.maxInFlight),
        entry.wallMs.toFixed(0),
      ]),
    ),
    '',
  ];
}

/** A table of checks with their measured value and `yes` / **no**. */
export function checksTable(title: string, checks: readonly TargetCheck[]): string[] {
  if (checks.length === 0) return [];
  return [
    `**${title}**`,
    '',
    ...table(
      ['goal', 'measured', 'met'],
      checks.map((check) => [check.target, check.measured, check.met ? 'yes' : '**no**']),
    ),
    '',
  ];
}
