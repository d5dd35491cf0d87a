import { ExitCode } from '@strands-cli/core/errors';
import { type CliIO, processIO } from './io.js';
import { buildProgram, CommanderError } from './program.js';
import { reportError } from './report-error.js';

/**
 * Runs the `strands` command with `argv` (without node and script) and resolves to the exit code.
 * Never calls `process.exit`: the process ends by itself once the work is done.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  try {
    const program = await buildProgram(
      io,
      (code) => {
        exitCode = code;
      },
      argv,
    );
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0 through commander's own error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    return reportError(error, io);
  }
}
