import {
  createFileSessionStore,
  defaultSessionsDir,
  pruneSessions,
  type SessionStatusV1,
  type SessionStoreV1,
  sessionStatuses,
} from '@strands-cli/core';
import { ExitCode, SessionError, UsageError } from '@strands-cli/core/errors';
import type { RedactingIO } from '../io/redacting-io.js';
import type { CliIO } from '../io.js';
import { colorEnabled } from '../io.js';
import { createStyle } from '../progress/format.js';
import { formatSessionDetails, formatSessionTable } from './format-session.js';
import { parseDuration } from './parse-duration.js';
import { resumeCommand, viewRecord } from './session-view.js';

/** The store `strands sessions` reads: the default folder, or `STRANDS_SESSIONS_DIR`. */
export function sessionStoreFor(io: CliIO): { store: SessionStoreV1; dir: string } {
  const dir = defaultSessionsDir(io.env);
  return { store: createFileSessionStore({ dir }), dir };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `strands sessions list`: every session (or those with one status), newest first. */
export async function listSessions(
  options: { readonly status?: string; readonly json?: boolean },
  { io, redactValue }: RedactingIO,
): Promise<number> {
  const status = options.status;
  if (status !== undefined && !sessionStatuses.includes(status as SessionStatusV1)) {
    throw new UsageError(`--status "${status}" is not a session status`, {
      hint: `Use one of: ${sessionStatuses.join(', ')}.`,
    });
  }
  const { store, dir } = sessionStoreFor(io);
  const records = (await store.list())
    .filter((record) => status === undefined || record.status === status)
    .map(viewRecord);
  if (options.json) {
    io.stdout.write(json(redactValue({ dir, sessions: records })));
  } else if (records.length === 0) {
    io.stdout.write(`No sessions${status === undefined ? '' : ` with status ${status}`} in ${dir}\n`);
  } else {
    io.stdout.write(formatSessionTable(records));
  }
  return ExitCode.ok;
}

/** `strands sessions show ID`: the details of one session and how to resume it. */
export async function showSession(
  id: string,
  options: { readonly json?: boolean },
  { io, redactValue }: RedactingIO,
): Promise<number> {
  const { store, dir } = sessionStoreFor(io);
  const found = await store.get(id);
  if (found === undefined) throw unknownSessionError(id, dir);
  const record = viewRecord(found);
  if (options.json) {
    io.stdout.write(json(redactValue({ session: record, resume: resumeCommand(record) ?? null })));
  } else {
    io.stdout.write(formatSessionDetails(record, createStyle(colorEnabled(io, 'stdout'))));
  }
  return ExitCode.ok;
}

/**
 * `strands sessions delete ID`: asks first on a terminal; a script must say `--force`, since an
 * unattended delete cannot be undone.
 */
export async function deleteSession(
  id: string,
  options: { readonly force?: boolean },
  io: CliIO,
): Promise<number> {
  const { store, dir } = sessionStoreFor(io);
  const record = await store.get(id);
  if (record === undefined) throw unknownSessionError(id, dir);
  if (!options.force) {
    if (!io.stdin?.isTTY || io.ask === undefined) {
      throw new UsageError(`Not deleting session ${id} without confirmation`, {
        hint: `Add --force to delete it: strands sessions delete ${id} --force`,
      });
    }
    const answer = await io.ask(`Delete session ${id} (${record.name}, ${record.status})? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stderr.write('Not deleted.\n');
      return ExitCode.ok;
    }
  }
  await store.delete(id);
  io.stderr.write(`Deleted session ${id}\n`);
  return ExitCode.ok;
}

/** `strands sessions prune --older-than 7d`: deletes old sessions; completed ones only when asked. */
export async function pruneOldSessions(
  options: { readonly olderThan: string; readonly includeCompleted?: boolean; readonly json?: boolean },
  io: CliIO,
): Promise<number> {
  const olderThanMs = parseDuration(options.olderThan, '--older-than');
  const { store } = sessionStoreFor(io);
  const deleted = await pruneSessions(store, {
    olderThanMs,
    keepCompleted: !options.includeCompleted,
  });
  if (options.json) io.stdout.write(json({ deleted }));
  else {
    for (const id of deleted) io.stdout.write(`${id}\n`);
    io.stderr.write(`Deleted ${deleted.length} session(s) not updated for ${options.olderThan}\n`);
  }
  return ExitCode.ok;
}

function unknownSessionError(id: string, dir: string): SessionError {
  return new SessionError(`No session ${id} in ${dir}`, id, {
    hint: 'Run `strands sessions list` to see the sessions kept (STRANDS_SESSIONS_DIR chooses the folder).',
  });
}
