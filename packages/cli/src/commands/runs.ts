import { ExitCode, SessionError } from '@strands-cli/core/spec';
import type { RunSummaryV1 } from '@strands-cli/engine-dbos';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { requiredDatabaseUrl } from '../run/database-flags.js';
import { loadEngine } from '../run/database-run.js';

interface RunsOptions {
  readonly database?: string;
  readonly json?: boolean;
  readonly status?: string;
  readonly limit: string;
}

function line(run: RunSummaryV1): string {
  return [
    run.id,
    run.status,
    run.kind,
    run.specName ?? '-',
    run.worker ?? '-',
    run.updatedAt ?? run.createdAt ?? '-',
  ].join('  ');
}

async function withClient<T>(
  options: RunsOptions,
  io: CliIO,
  use: (client: Awaited<ReturnType<Awaited<ReturnType<typeof loadEngine>>['openRunClient']>>) => Promise<T>,
): Promise<T> {
  const databaseUrl = requiredDatabaseUrl(options.database, io.env);
  const client = await (await loadEngine(io)).openRunClient({ databaseUrl });
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

async function list(options: RunsOptions, io: CliIO): Promise<number> {
  const { runs, queue } = await withClient(options, io, async (client) => ({
    runs: await client.list({
      limit: Number(options.limit) || 50,
      ...(options.status ? { status: options.status } : {}),
    }),
    queue: await client.queue(),
  }));
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ runs, queue }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (runs.length === 0) io.stderr.write('No runs on this database\n');
  else io.stdout.write(`${runs.map(line).join('\n')}\n`);
  io.stderr.write(`Queue ${queue.name}: ${queue.enqueued} waiting, ${queue.pending} being executed\n`);
  return ExitCode.ok;
}

async function show(id: string, options: RunsOptions, io: CliIO): Promise<number> {
  const run = await withClient(options, io, (client) => client.show(id));
  if (!run) {
    throw new SessionError(`No run ${id} on this database`, id, {
      hint: 'List the runs with `strands runs list`.',
    });
  }
  io.stdout.write(
    options.json
      ? `${JSON.stringify(run, null, 2)}\n`
      : `${Object.entries(run)
          .map(
            ([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
          )
          .join('\n')}\n`,
  );
  return ExitCode.ok;
}

async function cancel(id: string, options: RunsOptions, io: CliIO): Promise<number> {
  const status = await withClient(options, io, (client) => client.cancel(id));
  if (options.json) io.stdout.write(`${JSON.stringify({ ok: true, runId: id, status })}\n`);
  else io.stderr.write(`Run ${id} cancelled; its worker stops it and its request in flight\n`);
  return ExitCode.ok;
}

async function resume(id: string, options: RunsOptions, io: CliIO): Promise<number> {
  const resumed = await withClient(options, io, (client) => client.resume(id));
  if (options.json) io.stdout.write(`${JSON.stringify({ ok: true, ...resumed })}\n`);
  else if (resumed.runId === id) io.stdout.write(`${id}\n`);
  else {
    io.stdout.write(`${resumed.runId}\n`);
    io.stderr.write(`Run ${id} failed; it continues from its journal as run ${resumed.runId}\n`);
  }
  return ExitCode.ok;
}

/** Registers `strands runs list|show|cancel|resume`: the runs a PostgreSQL database holds. */
export function defineRunsCommand(program: Command, context: CommandContext): void {
  const runs = program
    .command('runs')
    .description('List and inspect the runs on a PostgreSQL database (submitted or run with --database).');
  const guard =
    <A extends unknown[]>(action: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      try {
        context.setExitCode(await action(...args));
      } catch (error) {
        context.setExitCode(reportError(error, context.io));
      }
    };
  runs
    .command('list', { isDefault: true })
    .description('List runs, newest first (the default).')
    .option('--database <url>', 'the PostgreSQL database (or STRANDS_DATABASE_URL)')
    .option(
      '--status <status>',
      'only runs with this DBOS status (ENQUEUED, PENDING, SUCCESS, ERROR, CANCELLED)',
    )
    .option('--limit <n>', 'at most this many runs', '50')
    .option('--json', 'print one JSON document on stdout')
    .action(guard((options: RunsOptions) => list(options, context.io)));
  runs
    .command('show')
    .description('Show one run.')
    .argument('<id>', 'the run id (see runs list)')
    .option('--database <url>', 'the PostgreSQL database (or STRANDS_DATABASE_URL)')
    .option('--json', 'print one JSON document on stdout')
    .action(guard((id: string, options: RunsOptions) => show(id, options, context.io)));
  runs
    .command('cancel')
    .description('Cancel a submitted run: its worker aborts it, its request in flight included.')
    .argument('<id>', 'the run id (see runs list)')
    .option('--database <url>', 'the PostgreSQL database (or STRANDS_DATABASE_URL)')
    .option('--json', 'print one JSON document on stdout')
    .action(guard((id: string, options: RunsOptions) => cancel(id, options, context.io)));
  runs
    .command('resume')
    .description('Continue a cancelled or failed submitted run from its journal, on any worker.')
    .argument('<id>', 'the run id (see runs list)')
    .option('--database <url>', 'the PostgreSQL database (or STRANDS_DATABASE_URL)')
    .option('--json', 'print one JSON document on stdout')
    .action(guard((id: string, options: RunsOptions) => resume(id, options, context.io)));
}
