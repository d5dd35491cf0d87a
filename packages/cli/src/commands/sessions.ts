import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { type RedactingIO, redactingIO } from '../io/redacting-io.js';
import { jsonFailure } from '../progress/json-result.js';
import { reportError } from '../report-error.js';
import { deleteSession, listSessions, pruneOldSessions, showSession } from '../sessions/sessions-actions.js';

/**
 * Runs one `sessions` subcommand through the redacting streams (a session's variables and errors can
 * hold secrets), reporting its error and, with `--json`, a JSON failure document on stdout.
 */
function action<A extends unknown[]>(
  context: CommandContext,
  run: (guarded: RedactingIO, ...args: A) => Promise<number>,
  wantsJson: (...args: A) => boolean,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const guarded = redactingIO(context.io);
    try {
      context.setExitCode(await run(guarded, ...args));
    } catch (error) {
      const exitCode = reportError(error, guarded.io);
      if (wantsJson(...args)) guarded.io.stdout.write(jsonFailure(error, exitCode, guarded.redactValue));
      context.setExitCode(exitCode);
    }
  };
}

interface JsonOption {
  readonly json?: boolean;
}

/** Registers `strands sessions` and its subcommands: list, show, delete, prune. */
export function defineSessionsCommand(program: Command, context: CommandContext): void {
  const sessions = program
    .command('sessions')
    .description('List, inspect, delete and prune the saved sessions of runs (resume with run --resume).');
  sessions
    // `strands sessions` alone lists them: the question a bare command asks.
    .command('list', { isDefault: true })
    .description('List sessions, most recently updated first (the default).')
    .option(
      '--status <status>',
      'only sessions with this status: running, paused, completed, failed, interrupted',
    )
    .option('--json', 'print one JSON document on stdout')
    .action(
      action(
        context,
        (guarded, options: JsonOption & { status?: string }) => listSessions(options, guarded),
        (options) => Boolean(options.json),
      ),
    );
  sessions
    .command('show')
    .description('Show a session: progress, tokens, where it stopped and the command that resumes it.')
    .argument('<id>', 'the session id (see sessions list)')
    .option('--json', 'print one JSON document on stdout')
    .action(
      action(
        context,
        (guarded, id: string, options: JsonOption) => showSession(id, options, guarded),
        (_id, options) => Boolean(options.json),
      ),
    );
  sessions
    .command('delete')
    .description('Delete a session (asks first on a terminal).')
    .argument('<id>', 'the session id (see sessions list)')
    .option('-f, --force', 'delete without asking')
    .action(
      action(
        context,
        (guarded, id: string, options: { force?: boolean }) => deleteSession(id, options, guarded.io),
        (_id: string, _options: { force?: boolean }) => false,
      ),
    );
  sessions
    .command('prune')
    .description('Delete sessions not updated for a while (completed ones are kept unless asked).')
    .requiredOption('--older-than <duration>', 'age such as 30m, 12h, 7d or 2w')
    .option('--include-completed', 'delete old completed sessions too')
    .option('--json', 'print the deleted ids as one JSON document on stdout')
    .action(
      action(
        context,
        (guarded, options: JsonOption & { olderThan: string; includeCompleted?: boolean }) =>
          pruneOldSessions(options, guarded.io),
        (options) => Boolean(options.json),
      ),
    );
}
