import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { requiredDatabaseUrl } from '../run/database-flags.js';
import { loadEngine } from '../run/database-run.js';

/** Options of `strands approve`, as commander parses them. */
interface ApproveOptions {
  readonly database?: string;
  readonly response: string;
  readonly json?: boolean;
}

/**
 * `strands approve RUN --response TEXT`: answers the human-in-the-loop question a submitted run is
 * paused on (a DBOS message); the run continues on whichever live worker holds or takes it.
 */
async function approve(runId: string, options: ApproveOptions, io: CliIO): Promise<number> {
  const databaseUrl = requiredDatabaseUrl(options.database, io.env);
  const client = await (await loadEngine(io)).openRunClient({ databaseUrl });
  try {
    const question = await client.approve(runId, options.response);
    if (options.json) io.stdout.write(`${JSON.stringify({ ok: true, runId, answered: question })}\n`);
    else io.stderr.write(`Answered "${question.prompt ?? question.position}" for run ${runId}\n`);
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}

/** Registers `strands approve`. */
export function defineApproveCommand(program: Command, context: CommandContext): void {
  program
    .command('approve')
    .description(
      'Answer the human-in-the-loop question a submitted run is paused on (see docs/scale-out.md).',
    )
    .argument('<run>', 'the run id (runs list shows PAUSED runs)')
    .requiredOption('--response <text>', 'the answer')
    .option('--database <url>', 'the PostgreSQL database (or STRANDS_DATABASE_URL)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (runId: string, options: ApproveOptions) => {
      try {
        context.setExitCode(await approve(runId, options, context.io));
      } catch (error) {
        context.setExitCode(reportError(error, context.io));
      }
    });
}
