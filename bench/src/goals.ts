import type { StartupResult } from './scenarios/startup.js';
import { commandNames } from './scenarios/startup-commands.js';
import type { BenchResults, TargetCheck } from './targets.js';

/** One goal of issue 23 (performance, round 2) with its measured ratio. */
export type GoalCheck = TargetCheck;

const x = (value: number): string => `${value.toFixed(2)}×`;

function startupOf(results: BenchResults, node: string, command: string): StartupResult | undefined {
  return results.startup.find((run) => run.node === node && run.command === command);
}

/** The start-up goals on one Node: `strands run` against its bare SDK and node -e 0, `validate`. */
function startupGoals(results: BenchResults, node: string): GoalCheck[] {
  const goals: GoalCheck[] = [];
  const on = node === process.version ? '' : ` (Node ${node})`;
  for (const provider of ['openai', 'ollama', 'bedrock']) {
    const run = startupOf(results, node, commandNames.run(provider));
    if (!run) continue;
    goals.push(
      {
        target: `\`strands run\` of a one-step spec (${provider}) ≤ 1.0× the bare ${provider} SDK making the same call${on}`,
        measured: `${run.wallMs.median.toFixed(0)} ms, ${x(run.ratioToFloor ?? Number.NaN)}`,
        met: (run.ratioToFloor ?? Number.POSITIVE_INFINITY) <= 1,
      },
      {
        target: `\`strands run\` of a one-step spec (${provider}) ≤ 3.5× \`node -e 0\`${on}`,
        measured: x(run.ratioToNode),
        met: run.ratioToNode <= 3.5,
      },
    );
  }
  const validate = startupOf(results, node, commandNames.validate);
  if (validate) {
    goals.push({
      target: `\`strands validate\` ≤ 1.8× \`node -e 0\`${on}`,
      measured: `${validate.wallMs.median.toFixed(0)} ms, ${x(validate.ratioToNode)}`,
      met: validate.ratioToNode <= 1.8,
    });
  }
  const library = startupOf(results, node, commandNames.library);
  const cli = startupOf(results, node, commandNames.run('openai'));
  if (library && cli) {
    const ratio = library.wallMs.median / cli.wallMs.median;
    goals.push({
      target: `A library user's \`runWorkflow\` script within 1.2× the CLI${on}`,
      measured: `${library.wallMs.median.toFixed(0)} ms vs ${cli.wallMs.median.toFixed(0)} ms, ${x(ratio)}`,
      met: ratio <= 1.2,
    });
  }
  return goals;
}

/** Every goal of issue 23 that this run measured, as a ratio with pass or miss. */
export function checkGoals(results: BenchResults): GoalCheck[] {
  const goals = startupGoals(results, process.version);
  const peers = results.chain.find((run) => run.provider === 'openai' && run.steps === 100)?.peers;
  if (peers) {
    goals.push(
      {
        target:
          'Per step in-process (100-step chain) ≤ 1.1× the bare openai SDK with its default configuration',
        measured: `${peers.sdkDefault.perStepMs.median.toFixed(3)} ms for the SDK, ${x(peers.vsSdkDefault)}`,
        met: peers.vsSdkDefault <= 1.1,
      },
      {
        target: 'Per step in-process: ahead of the AI SDK in ≥ 12 of 15 interleaved rounds',
        measured: `${peers.winsOverAiSdk} of ${peers.rounds} (median ${x(peers.vsAiSdk)} the AI SDK)`,
        met: peers.winsOverAiSdk >= Math.ceil((12 / 15) * peers.rounds),
      },
    );
  }
  const cold = results.coldPerStep;
  if (cold) {
    const ratio = cold.strandsMs / cold.aiSdkMs;
    goals.push({
      target: 'Cold per step ((100-step − 1-step process) / 99) ≤ 0.9× the AI SDK',
      measured: `${cold.strandsMs.toFixed(2)} ms vs ${cold.aiSdkMs.toFixed(2)} ms, ${x(ratio)}`,
      met: ratio <= 0.9,
    });
  }
  const concurrency = results.concurrency;
  if (concurrency) {
    const [ours, ...others] = concurrency.counts;
    if (ours) {
      const fewest = Math.min(...others.map((entry) => entry.connections));
      goals.push({
        target: `No regression: ${ours.calls} concurrent calls open ≤ ${concurrency.maxParallel} connections, fewer than every peer`,
        measured: `${ours.connections} vs ${others.map((entry) => entry.connections).join(' / ')}`,
        met: ours.connections <= concurrency.maxParallel && ours.connections < fewest,
      });
    }
  }
  const cliRss = startupOf(results, process.version, commandNames.run('openai'))?.peakRssMiB;
  const peerRss = [commandNames.sdk('openai'), commandNames.aiSdk]
    .map((name) => startupOf(results, process.version, name)?.peakRssMiB)
    .filter((value): value is number => value !== undefined);
  if (cliRss !== undefined && peerRss.length > 0) {
    goals.push({
      target:
        'No regression: peak RSS of `strands run` (one step) ≤ the bare SDK and the AI SDK doing the same',
      measured: `${cliRss.toFixed(0)} MiB vs ${peerRss.map((value) => value.toFixed(0)).join(' / ')} MiB`,
      met: peerRss.every((value) => cliRss <= value),
    });
  }
  if (results.parallel.length > 0) {
    const lowest = Math.min(...results.parallel.map((run) => run.efficiency));
    goals.push({
      target: 'No regression: parallel efficiency ≥ 90% (scenario 4, every provider and pattern)',
      measured: `lowest ${(lowest * 100).toFixed(1)}%`,
      met: lowest >= 0.9,
    });
  }
  const workflow = results.scale?.large.find((run) => run.name.startsWith('workflow'));
  if (workflow) {
    goals.push({
      target: 'No regression: the 1000-task workflow runs on 1 agent, ≤ 8 connections, < 200 MiB peak RSS',
      measured: `${workflow.agentsBuilt} agent, ${workflow.connections} connections, ${workflow.cli.peakRssMiB.toFixed(0)} MiB`,
      met: workflow.agentsBuilt === 1 && workflow.connections <= 8 && workflow.cli.peakRssMiB < 200,
    });
  }
  const others = [...new Set(results.startup.map((run) => run.node))].filter(
    (node) => node !== process.version,
  );
  goals.push({
    target: 'The start-up scenario runs on Node 20, 22 and 24',
    measured: [process.version, ...others].join(', ') || 'none',
    met: others.some((node) => node.startsWith('v22.')) && others.some((node) => node.startsWith('v24.')),
  });
  for (const node of others) goals.push(...startupGoals(results, node));
  return goals;
}
