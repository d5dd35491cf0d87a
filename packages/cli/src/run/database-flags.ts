import { UsageError } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { SessionFlags } from './session-flags.js';

/** The durable-engine flags of `strands run`. */
export interface DatabaseFlags {
  /** `--database URL`: run on DBOS and PostgreSQL (else `STRANDS_DATABASE_URL`). */
  readonly database?: string;
  /** `--new-run`: with a database, start a separate run instead of resuming an unfinished one. */
  readonly newRun?: boolean;
}

/** Adds `--database` and `--new-run` to `strands run`. */
export function addDatabaseOptions(command: Command): Command {
  return command
    .option(
      '--database <url>',
      'run durably on DBOS and this PostgreSQL (or STRANDS_DATABASE_URL); rerunning the same command resumes',
    )
    .option('--new-run', 'with --database: start a separate run instead of resuming an unfinished one');
}

/**
 * The PostgreSQL URL a run uses: `--database`, else `STRANDS_DATABASE_URL`, else none (a local run).
 * @throws UsageError when the URL is not a postgres:// URL or the flags do not combine with it
 */
export function databaseUrlOf(flags: DatabaseFlags & SessionFlags, env: CliIO['env']): string | undefined {
  const raw = (flags.database ?? env.STRANDS_DATABASE_URL)?.trim() || undefined;
  if (raw === undefined) {
    if (flags.newRun) throw new UsageError('--new-run needs --database', { hint: 'Add --database URL.' });
    return undefined;
  }
  const source = flags.database !== undefined ? '--database' : 'STRANDS_DATABASE_URL';
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new UsageError(`${source} is not a PostgreSQL URL`, {
      hint: 'Give a URL like postgres://user:password@host:5432/database.',
    });
  }
  if (flags.resume !== undefined || flags.autoResume) {
    throw new UsageError(`--resume and --auto-resume are for local sessions, not ${source}`, {
      hint: 'With a database, rerunning the same command resumes the unfinished run by itself.',
    });
  }
  return raw;
}

/**
 * The PostgreSQL URL of `submit`, `worker` and `runs`, which need one: `--database`, else
 * `STRANDS_DATABASE_URL`.
 * @throws UsageError when there is none, or it is not a postgres:// URL
 */
export function requiredDatabaseUrl(database: string | undefined, env: CliIO['env']): string {
  const url = databaseUrlOf({ database }, env);
  if (url === undefined) {
    throw new UsageError('This command needs a PostgreSQL database', {
      hint: 'Give --database postgres://user:password@host:5432/database, or set STRANDS_DATABASE_URL (see docs/scale-out.md).',
    });
  }
  return url;
}
