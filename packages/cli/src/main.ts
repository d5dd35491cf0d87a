import { ExitCode } from '@strands-cli/core/errors';
import { applyCliConventions } from './cli-conventions.js';
import { type CliIO, processIO } from './io.js';
import { buildProgram, CommanderError } from './program.js';
import { jsonUsageError } from './progress/json-result.js';
import { reportError } from './report-error.js';

/**
 * Runs the `strands` command with `argv` (without node and script) and resolves to the exit code.
 * Never calls `process.exit`: the process ends by itself once the work is done.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  try {
    const program = applyCliConventions(
      await buildProgram(
        io,
        (code) => {
          exitCode = code;
        },
        argv,
      ),
    );
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0 through commander's own error.
      if (error.exitCode === 0) return ExitCode.ok;
      // A script that asked for JSON reads stdout as one document, whatever went wrong.
      if (wantsJson(argv)) io.stdout.write(jsonUsageError(error.message.replace(/^error: /, ''), error.code));
      return ExitCode.usage;
    }
    return reportError(error, io);
  }
}

/** True when `--json` is among the options (before a `--` that ends them). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
