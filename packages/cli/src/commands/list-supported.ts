import {
  builtinExecutorPackages,
  builtinProviderPackages,
  loadExecutor,
  nativeToolCatalog,
  plannedProviders,
  resolvePackageEntry,
} from '@strands-cli/core';
import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';

/** Features of the spec format: what runs, and what is accepted but reported by `strands explain`. */
const features: readonly (readonly [supported: boolean, text: string])[] = [
  [true, 'Agents with per-agent provider, model_id and inference overrides'],
  [true, 'Inputs: required/optional with types, defaults and enums; --var key=value'],
  [true, 'Templates (sandboxed Jinja2): steps, tasks, branches, router, last_response'],
  [true, 'HTTP executors (tools.http_executors) and the native tools below'],
  [true, 'Budgets (max_tokens, max_steps, max_duration_s) and retries (failure_policy)'],
  [true, 'Artifacts (outputs.artifacts) written atomically under --out'],
  [true, 'Atomic agents by $ref (resolved when loading, #/agents/<id> fragments)'],
  [true, 'Atomic agent contracts (input_schema/output_schema checked at run time)'],
  [true, 'Skills (the Skill loader tool reads skill folders on demand)'],
  [true, 'Secrets from environment variables (env.secrets with source: env)'],
  [true, 'Human-in-the-loop steps (type: hitl, routing review_router) and sessions/resume'],
  [true, 'MCP tool servers (tools.mcp): stdio and Streamable HTTP, chosen per agent'],
  [true, 'Telemetry: OpenTelemetry GenAI traces (OTLP/HTTP), --trace JSON and the TRACE artifact'],
  [true, 'context_policy: notes (notes file, earlier notes in later prompts) and compaction'],
  [true, 'JIT retrieval tools for every agent (context_policy.retrieval.jit_tools)'],
  [false, 'Secrets from secrets_manager, ssm or file; env.mounts'],
  [false, 'security.guardrails'],
];

/** `strands list-supported`: the patterns, providers, tools and features this version runs. */
export async function listSupportedCommand(io: CliIO): Promise<number> {
  const sources = pluginSources(undefined, io);
  const out: string[] = ['Patterns this version runs:'];
  for (const [type, packageName] of Object.entries(builtinExecutorPackages)) {
    const description = await loadExecutor(type, sources).then(
      (executor) => executor.description,
      () => `not installed (pnpm add ${packageName})`,
    );
    out.push(`  ${type.padEnd(22)} ${description}`);
  }
  out.push('', 'Providers (runtime.provider, agents.<id>.provider):');
  for (const [name, packageName] of Object.entries(builtinProviderPackages)) {
    const installed = resolvePackageEntry(packageName, sources.searchFrom) !== undefined;
    out.push(
      `  ${name.padEnd(22)} ${packageName}${installed ? '' : `  (not installed: pnpm add ${packageName})`}`,
    );
  }
  out.push(`  ${plannedProviders.join(', ')}: accepted, not available yet`);
  out.push('  any other provider: name its plugin package, e.g. provider: "@acme/strands-provider-x"');
  out.push(
    '',
    `Native tools: ${nativeToolCatalog.map((tool) => tool.id).join(', ')} (details: strands list-tools)`,
  );
  out.push('', 'Features:');
  for (const [supported, text] of features) out.push(`  ${supported ? '✓' : '✗'} ${text}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return ExitCode.ok;
}

/** Registers `strands list-supported`: its arguments, flags and help text. */
export function defineListSupportedCommand(program: Command, context: CommandContext): void {
  program
    .command('list-supported')
    .description('List the patterns, providers and features this version can run.')
    .action(async () => {
      context.setExitCode(await listSupportedCommand(context.io));
    });
}
