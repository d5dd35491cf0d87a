import { Command, CommanderError } from 'commander';
import type { CommandContext } from './command-context.js';
import type { CliIO } from './io.js';
import { VERSION } from './version.js';

/** Registers one command on the program (each `commands/<name>.ts` exports one). */
type DefineCommand = (program: Command, context: CommandContext) => void;

/**
 * Every command, in the order `--help` lists them. Each module holds its command's flags, help and
 * implementation, and loads only when the command line needs it, so `--version` and `validate` never
 * load what `run` needs (or any provider SDK).
 */
const commands: ReadonlyArray<readonly [name: string, load: () => Promise<DefineCommand>]> = [
  ['validate', async () => (await import('./commands/validate.js')).defineValidateCommand],
  ['plan', async () => (await import('./commands/plan.js')).definePlanCommand],
  ['explain', async () => (await import('./commands/explain.js')).defineExplainCommand],
  ['run', async () => (await import('./commands/run.js')).defineRunCommand],
  ['schema', async () => (await import('./commands/schema.js')).defineSchemaCommand],
  ['list-supported', async () => (await import('./commands/list-supported.js')).defineListSupportedCommand],
  ['list-tools', async () => (await import('./commands/list-tools.js')).defineListToolsCommand],
  ['doctor', async () => (await import('./commands/doctor.js')).defineDoctorCommand],
  ['init', async () => (await import('./commands/init.js')).defineInitCommand],
  ['sessions', async () => (await import('./commands/sessions.js')).defineSessionsCommand],
  ['report', async () => (await import('./commands/report.js')).defineReportCommand],
  ['atomic', async () => (await import('./commands/atomic.js')).defineAtomicCommand],
  // Scale-out on DBOS + PostgreSQL (the engine package loads only when one of these runs).
  ['submit', async () => (await import('./commands/submit.js')).defineSubmitCommand],
  ['worker', async () => (await import('./commands/worker.js')).defineWorkerCommand],
  ['runs', async () => (await import('./commands/runs.js')).defineRunsCommand],
  ['approve', async () => (await import('./commands/approve.js')).defineApproveCommand],
  ['recover', async () => (await import('./commands/recover.js')).defineRecoverCommand],
];

/**
 * The commands a command line needs: the one it names; none for `--version`; every one otherwise,
 * because the program's help, `help <command>` and "unknown command" messages list them all.
 */
function commandsFor(argv: readonly string[]): typeof commands {
  const named = commands.filter(([name]) => name === argv[0]);
  if (named.length > 0) return named;
  if (argv.length === 1 && (argv[0] === '-V' || argv[0] === '--version')) return [];
  return commands;
}

/** Builds the `strands` program with the commands `argv` (without node and script) needs. */
export async function buildProgram(
  io: CliIO,
  setExitCode: (code: number) => void,
  argv: readonly string[],
): Promise<Command> {
  const program = new Command('strands')
    .description('Run declarative agentic workflows written in YAML on Bedrock, OpenAI and Ollama.')
    .version(`strands-cli ${VERSION}`, '-V, --version', 'print the version and exit')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  const context: CommandContext = { io, setExitCode };
  const definitions = await Promise.all(commandsFor(argv).map(([, load]) => load()));
  for (const define of definitions) define(program, context);
  return program;
}

export { CommanderError };
