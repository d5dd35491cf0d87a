import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { requiredDatabaseUrl } from '../run/database-flags.js';
import { loadEngine } from '../run/database-run.js';

/** Options of `strands recover`, as commander parses them. */
interface RecoverOptions {
  readonly database?: string;
  readonly fromWorker?: string;
  readonly json?: boolean;
}

/**
 * `strands recover [--from-worker NAME]`: puts the unfinished runs of workers that are gone back on
 * the queue now, instead of after the lease timeout; a live worker's runs are never touched.
 */
async function recover(options: RecoverOptions, io: CliIO): Promise<number> {
  const databaseUrl = requiredDatabaseUrl(options.database, io.env);
  const client = await (await loadEngine(io)).openRunClient({ databaseUrl });
  try {
    const taken = await client.recover(options.fromWorker);
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, workers: taken })}\n`);
    } else if (taken.length === 0) {
      io.stderr.write('No worker is gone; nothing to recover\n');
    } else {
      for (const { worker, runs } of taken) {
        io.stderr.write(`Worker ${worker} is gone: ${runs.length} run(s) back on the queue\n`);
        if (runs.length > 0) io.stdout.write(`${runs.join('\n')}\n`);
      }
    }
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}

/** Registers `strands recover`. */
export function defineRecoverCommand(program: Command, context: CommandContext): void {
  program
    .command('recover')
    .description('Re-queue now the unfinished runs of workers that are gone (see docs/scale-out.md).')
    .option('--database <url>', 'the PostgreSQL database (or STRANDS_DATABASE_URL)')
    .option('--from-worker <name>', 'only this worker (an error when it is alive)')
    .option('--json', 'print one JSON document on stdout')
    .action(async (options: RecoverOptions) => {
      try {
        context.setExitCode(await recover(options, context.io));
      } catch (error) {
        context.setExitCode(reportError(error, context.io));
      }
    });
}
