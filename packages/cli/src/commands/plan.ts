import { ExitCode, UsageError } from '@strands-cli/core/spec';
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
