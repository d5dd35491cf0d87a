import { join, resolve } from 'node:path';
import { defaultSessionsDir, displayPath } from '@strands-cli/core';
import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { redactingIO } from '../io/redacting-io.js';
import type { CliIO } from '../io.js';
import { readReportSource } from '../report/report-source.js';
import { defaultReportName, writeRunReport } from '../report/write-report.js';
import { reportError } from '../report-error.js';
import { sessionStoreFor } from '../run/session-setup.js';

/** Options of `strands report`. */
export interface ReportCommandOptions {
  readonly output?: string;
}

/**
 * `strands report SESSION_ID|TRACE.json [-o FILE]`: writes the self-contained HTML run report of a
 * kept session or of a `--trace` file. Everything it shows passes the secret policy again.
 */
export async function reportCommand(
  source: string,
  options: ReportCommandOptions,
  terminal: CliIO,
): Promise<number> {
  const guarded = redactingIO(terminal);
  const { io } = guarded;
  try {
    const found = await readReportSource(source, io.cwd, {
      store: sessionStoreFor(io),
      dir: defaultSessionsDir(io.env),
    });
    const path =
      options.output === undefined
        ? join(found.defaultDir, defaultReportName(found.input.trace.spec_name))
        : resolve(io.cwd, options.output);
    const bytes = await writeRunReport(path, {
      ...found.input,
      redact: (text) => guarded.redactValue(text),
      generatedAt: new Date().toISOString(),
    });
    io.stderr.write(`Report written to ${displayPath(path, io.cwd)} (${Math.ceil(bytes / 1024)} KB)\n`);
    io.stdout.write(`${path}\n`);
    return ExitCode.ok;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Registers `strands report`. */
export function defineReportCommand(program: Command, context: CommandContext): void {
  program
    .command('report')
    .description(
      'Write the HTML run report (graph, timeline, inputs/outputs) of a session or a --trace file.',
    )
    .argument(
      '<source>',
      'a session id (see `strands sessions list`) or a trace JSON from `strands run --trace`',
    )
    .option(
      '-o, --output <file>',
      'where to write it (default: <name>-report.html beside the trace, or here)',
    )
    .action(async (source: string, options: ReportCommandOptions) => {
      context.setExitCode(await reportCommand(source, options, context.io));
    });
}
