import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { type CommandContext, collect } from '../command-context.js';
import type { CliIO } from '../io.js';
import { formatCapabilityIssues, formatIssue, plural } from '../spec/format-issues.js';
import { loadForReading } from '../spec/load-for-command.js';

/** Options of `strands explain`. */
export interface ExplainOptions {
  readonly var?: readonly string[];
}

/**
 * `strands explain SPEC`: every feature the spec uses that this version cannot run yet, with where
 * it is, why, and how to change it. Exit 0 even when some are unsupported; 3 when the spec does
 * not load.
 */
export async function explainCommand(spec: string, options: ExplainOptions, io: CliIO): Promise<number> {
  const loaded = await loadForReading(spec, options.var ?? [], io);
  const issues = loaded.capabilityIssues;
  if (issues.length === 0) {
    io.stdout.write(
      `✓ No unsupported features detected in ${loaded.spec.name}.\nThis workflow can run with this version: strands run ${spec}\n`,
    );
  } else {
    io.stdout.write(
      `${loaded.spec.name}: ${plural(issues.length, 'feature')} this version cannot run yet\n\n`,
    );
    io.stdout.write(`${formatCapabilityIssues(loaded, issues)}\n\n`);
    io.stdout.write(
      `\`strands run\` refuses this spec (exit 18) until these are changed.\n` +
        `See \`strands plan ${spec}\` for the whole plan and \`strands list-supported\` for what this version runs.\n`,
    );
  }
  if (loaded.warnings.length > 0) {
    io.stdout.write(`\nAlso worth knowing (${plural(loaded.warnings.length, 'warning')}):\n`);
    for (const warning of loaded.warnings) io.stdout.write(formatIssue('warning', warning));
  }
  return ExitCode.ok;
}

/** Registers `strands explain`: its arguments, flags and help text. */
export function defineExplainCommand(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description('List the features a spec uses that this version cannot run yet, and how to change them.')
    .argument('<spec>', 'path to a workflow spec')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
For each feature: where it is (JSON pointer and file:line:col), why it cannot run, and what to
change. \`strands run\` refuses such a spec with exit 18.

Exit codes: 0 (whatever it finds), 3 when the spec does not load.`,
    )
    .action(async (spec: string, options: ExplainOptions) => {
      context.setExitCode(await explainCommand(spec, options, context.io));
    });
}
