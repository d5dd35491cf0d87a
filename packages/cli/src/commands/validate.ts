import type { SpecIssue } from '@strands-cli/core';
import { type LoadedSpec, toolSetupFindings } from '@strands-cli/core/loader';
import { ExitCode, SpecValidationError } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { type CommandContext, collect } from '../command-context.js';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { jsonIssue } from '../progress/json-result.js';
import { formatIssue, plural } from '../spec/format-issues.js';
import { loadForReading, specPathFor } from '../spec/load-for-command.js';

/** Options of `strands validate`. */
export interface ValidateOptions {
  readonly var?: readonly string[];
  readonly json?: boolean;
  /** Start the spec's MCP servers and check the tools agents name (nothing starts without it). */
  readonly withMcp?: boolean;
  readonly allowPrivateNetwork?: boolean;
}

/**
 * The `status` of a `validate --json` document: read first, like `run --json`'s. `spec-error` has the
 * same meaning (and issue list) as there; `valid` is validate's own success.
 */
export type ValidateJsonStatus = 'valid' | 'spec-error';

/**
 * `strands validate SPEC`: schema, references, templates and providers. Exit 0 when valid (with
 * warnings and the count of features this version cannot run yet), 3 with every problem located
 * when not, 2 for a malformed `--var`.
 */
export async function validateCommand(spec: string, options: ValidateOptions, io: CliIO): Promise<number> {
  let loaded: LoadedSpec;
  let mcpWarnings: readonly SpecIssue[] = [];
  try {
    loaded = await loadForReading(spec, options.var ?? [], io);
    if (options.withMcp === true) mcpWarnings = await checkSpecMcpTools(spec, loaded, options, io);
  } catch (error) {
    if (options.json && SpecValidationError.isInstance(error)) {
      const invalid = error;
      io.stdout.write(
        `${JSON.stringify({ status: 'spec-error' satisfies ValidateJsonStatus, valid: false, file: spec, message: invalid.message, hint: invalid.hint, issues: invalid.issues.map(jsonIssue) }, null, 2)}\n`,
      );
      return ExitCode.spec;
    }
    throw error;
  }
  const { spec: workflow, capabilityIssues } = loaded;
  const warnings = [...loaded.warnings, ...toolSetupWarnings(loaded, io), ...mcpWarnings];
  if (options.json) {
    const summary = {
      status: 'valid' satisfies ValidateJsonStatus,
      valid: true,
      file: spec,
      name: workflow.name,
      version: workflow.version,
      agents: Object.keys(workflow.agents),
      pattern: workflow.pattern.type,
      warnings: warnings.map(jsonIssue),
      unsupported: capabilityIssues,
    };
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return ExitCode.ok;
  }
  io.stdout.write(
    [
      `OK Spec is valid: ${workflow.name}`,
      `  Version: ${workflow.version}`,
      `  Agents: ${Object.keys(workflow.agents).length}`,
      `  Pattern: ${workflow.pattern.type}`,
      '',
    ].join('\n'),
  );
  for (const warning of warnings) io.stderr.write(formatIssue('warning', warning));
  if (capabilityIssues.length > 0) {
    io.stdout.write(
      `Note: it uses ${plural(capabilityIssues.length, 'feature')} this version cannot run yet; \`strands explain ${spec}\` lists them.\n`,
    );
  }
  return ExitCode.ok;
}

/**
 * Unset `${NAME}` placeholders in tool headers and MCP `env`, `tavily_search` without its key: all
 * warnings here (the run's environment may differ), located in the spec.
 */
function toolSetupWarnings(loaded: LoadedSpec, io: CliIO): SpecIssue[] {
  return toolSetupFindings(loaded.spec, io.env).map((finding) => ({
    ...loaded.locate(finding.pointer),
    code: 'tool-setup',
    message: finding.message,
    ...(finding.hint === undefined ? {} : { hint: finding.hint }),
  }));
}

/**
 * `--with-mcp`: starts the spec's MCP servers (closing them again) and throws, as any invalid spec,
 * when an agent names a tool its server lacks or a required server does not start. Returns the
 * warnings (an optional server that did not start).
 */
async function checkSpecMcpTools(
  spec: string,
  loaded: LoadedSpec,
  options: ValidateOptions,
  io: CliIO,
): Promise<readonly SpecIssue[]> {
  const file = specPathFor(spec, io);
  // The runtime (tools, MCP) is loaded only with --with-mcp: plain validate stays fast.
  const { checkMcpTools } = await import('@strands-cli/core');
  const found = await checkMcpTools(loaded, {
    env: io.env,
    allowPrivateNetwork: options.allowPrivateNetwork === true || io.env.STRANDS_HTTP_ALLOW_PRIVATE === '1',
    plugins: pluginSources(file, io),
    workingDirectory: io.cwd,
  });
  if (found.errors.length > 0) {
    const count = plural(found.errors.length, 'problem');
    throw new SpecValidationError(`${file} is not a valid workflow spec (${count})`, found.errors, { file });
  }
  return found.warnings;
}

/** Registers `strands validate`: its arguments, flags and help text. */
export function defineValidateCommand(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('Check a spec file: schema, references, templates. Prints every problem with file:line:col.')
    .argument('<spec>', 'path to a workflow spec (.yaml, .yml or .json)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .option('--json', 'print the result as JSON')
    .option('--with-mcp', "start the spec's MCP servers and check that the tools agents name exist")
    .option(
      '--allow-private-network',
      'with --with-mcp: let MCP servers on loopback or private addresses be reached',
    )
    .addHelpText(
      'after',
      `
Checks, without calling any model: the spec's structure (misspelt keys get "did you mean"),
references (agents, tools, task deps, cycles), every template against what its step can see,
inputs and --var values, and providers. Names a template uses that no input declares are
warnings: pass them with --var when you run. MCP servers are not started, so the tools an
agent names as <server>.<tool> are checked only with --with-mcp (which starts them, then stops them).

Exit codes: 0 valid, 3 invalid (every problem is listed), 2 malformed --var.

Examples:
  strands validate workflow.yaml
  strands validate workflow.yaml --var topic="solar power" --json
  strands validate workflow.yaml --with-mcp`,
    )
    .action(async (spec: string, options: ValidateOptions) => {
      context.setExitCode(await validateCommand(spec, options, context.io));
    });
}
