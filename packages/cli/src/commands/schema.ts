import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';

/** Path of the JSON Schema file shipped in @strands-cli/core. */
export function schemaFilePath(): string {
  return createRequire(import.meta.url).resolve('@strands-cli/core/schema.json');
}

/**
 * `strands schema`: prints the JSON Schema (draft 2020-12) of the spec format, for editors. Save it
 * and add `# yaml-language-server: $schema=./strands-workflow.schema.json` at the top of a spec.
 */
export async function schemaCommand(io: CliIO): Promise<number> {
  io.stdout.write(await readFile(schemaFilePath(), 'utf8'));
  return ExitCode.ok;
}

/** Registers `strands schema`: its arguments, flags and help text. */
export function defineSchemaCommand(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the spec format (for editors and the YAML language server).')
    .addHelpText(
      'after',
      `
Save it next to your specs and point the YAML language server at it with a first line:
  strands schema > strands-workflow.schema.json
  # yaml-language-server: $schema=./strands-workflow.schema.json`,
    )
    .action(async () => {
      context.setExitCode(await schemaCommand(context.io));
    });
}
