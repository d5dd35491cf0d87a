import { hostname } from 'node:os';
import { closeClientPool } from '@strands-cli/core';
import { ExitCode, UsageError } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { requiredDatabaseUrl } from '../run/database-flags.js';
import { loadEngine } from '../run/database-run.js';
import { executeSubmittedRun } from '../scale-out/execute-submitted.js';

/** Options of `strands worker`, as commander parses them. */
interface WorkerCommandOptions {
  readonly database?: string;
  readonly id?: string;
  readonly concurrency: string;
  readonly drainTimeout: string;
}

/** The lease timeout from `STRANDS_WORKER_LEASE_S` (seconds, fractions allowed), default 30 s. */
function leaseMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.STRANDS_WORKER_LEASE_S;
  if (raw === undefined || raw === '') return 30_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(
      `STRANDS_WORKER_LEASE_S must be a positive number of seconds (got ${JSON.stringify(raw)})`,
      {
        hint: 'For example: STRANDS_WORKER_LEASE_S=30',
      },
    );
  }
  return Math.round(seconds * 1000);
}

function positiveInteger(raw: string, flag: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a whole number of at least 1 (got ${JSON.stringify(raw)})`, {
      hint: `For example: ${flag} 4`,
    });
  }
  return value;
}

/**
 * `strands worker`: executes submitted runs until SIGTERM or SIGINT, then stops taking runs, lets
 * the runs in flight finish (up to --drain-timeout) and exits 0. A run still unfinished then stays
 * pending under this worker's name: the worker restarted with the same --id picks it up, or
 * another live worker once the lease timeout (STRANDS_WORKER_LEASE_S) has passed.
 */
async function work(options: WorkerCommandOptions, io: CliIO): Promise<number> {
  const databaseUrl = requiredDatabaseUrl(options.database, io.env);
  const concurrency = positiveInteger(options.concurrency, '--concurrency');
  const drainSeconds = positiveInteger(options.drainTimeout, '--drain-timeout');
  const workerId = options.id ?? `${hostname()}-${process.pid}`;
  const engine = await loadEngine(io);
  let stop: ((signal: string) => void) | undefined;
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const removeHandler = io.onInterrupt?.((signal) => stop?.(signal));
  try {
    const worker = await engine.startWorker({
      databaseUrl,
      workerId,
      concurrency,
      leaseMs: leaseMs(io.env),
      onNote: (line) => io.stderr.write(`${line}\n`),
      execute: (input, run) => executeSubmittedRun(input, run, io),
    });
    io.stderr.write(`Worker ${workerId} is taking runs (concurrency ${concurrency}); stop it with SIGTERM\n`);
    const signal = await stopped;
    io.stderr.write(`${signal}: worker ${workerId} finishes the runs in flight, then stops\n`);
    await worker.drain(drainSeconds * 1000);
    io.stderr.write(`Worker ${workerId} stopped\n`);
    return ExitCode.ok;
  } finally {
    removeHandler?.();
    await closeClientPool();
  }
}

/** Registers `strands worker`. */
export function defineWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('Execute runs queued with `strands submit`, until stopped (see docs/scale-out.md).')
    .option('--database <url>', 'the PostgreSQL database to take runs from (or STRANDS_DATABASE_URL)')
    .option('--id <name>', "this worker's name: restarted under it, it recovers its unfinished runs")
    .option('--concurrency <n>', 'runs executed at once by each worker', '4')
    .option('--drain-timeout <seconds>', 'on SIGTERM, how long to wait for runs in flight', '60')
    .action(async (options: WorkerCommandOptions) => {
      try {
        context.setExitCode(await work(options, context.io));
      } catch (error) {
        context.setExitCode(reportError(error, context.io));
      }
    });
}
