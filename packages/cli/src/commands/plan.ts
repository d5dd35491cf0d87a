import { ExitCode, UsageError } from '@strands-cli/core/spec';
import { type Command, Option } from 'commander';
import { type CommandContext, collect } from '../command-context.js';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { loadForReading, specPathFor } from '../spec/load-for-command.js';
import { buildPlan } from '../spec/plan-model.js';
import { renderMermaid } from '../spec/render-mermaid.js';
import { renderPlanMarkdown } from '../spec/render-plan-markdown.js';

/** Options of `strands plan`. */
export interface PlanOptions {
  readonly format?: string;
  readonly var?: readonly string[];
}

/**
 * `strands plan SPEC [--format md|json|mermaid]`: what the spec will do, without running it.
 * Exit 0 even when it uses unsupported features (the plan says so); 3 when it does not load.
 */
export async function planCommand(spec: string, options: PlanOptions, io: CliIO): Promise<number> {
  const format = options.format ?? 'md';
  if (!['md', 'json', 'mermaid'].includes(format)) {
    throw new UsageError(`Unknown --format '${format}'`, { hint: 'Use --format md, json or mermaid.' });
  }
  const loaded = await loadForReading(spec, options.var ?? [], io);
  const plan = await buildPlan(loaded, pluginSources(specPathFor(spec, io), io));
  if (format === 'json') io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  else if (format === 'mermaid') io.stdout.write(renderMermaid(plan.pattern.nodes, plan.pattern.edges));
  else io.stdout.write(renderPlanMarkdown(plan));
  return ExitCode.ok;
}

/** Registers `strands plan`: its arguments, flags and help text. */
export function definePlanCommand(program: Command, context: CommandContext): void {
  program
    .command('plan')
    .description('Show what a spec will do: runtime, agents with their provider and model, and the pattern.')
    .argument('<spec>', 'path to a workflow spec')
    .addOption(
      new Option('--format <format>', 'md (readable), json (for tools) or mermaid (a flowchart)')
        .choices(['md', 'json', 'mermaid'])
        .default('md'),
    )
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
Nothing runs and no model is called. The plan shows each agent's effective provider and model
(after per-agent overrides), the pattern's steps/tasks/branches/routes, the inputs, the
artifacts, and whether this version can run the spec.

Exit codes: 0 (also when some features are not supported yet), 3 when the spec does not load.

Examples:
  strands plan workflow.yaml
  strands plan workflow.yaml --format mermaid > plan.mmd`,
    )
    .action(async (spec: string, options: PlanOptions) => {
      context.setExitCode(await planCommand(spec, options, context.io));
    });
}
