import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SessionError } from '../spec/v1/session-errors.js';
import type { NewSessionV1, SessionRecordV1, SessionStatusV1 } from '../spec/v1/session-v1.js';

/** The statuses a session can have, in the order people read them. */
export const sessionStatuses: readonly SessionStatusV1[] = [
  'running',
  'paused',
  'completed',
  'failed',
  'interrupted',
];

/** The metadata of a session just created: running, nothing done yet. */
export function newSessionRecord(id: string, init: NewSessionV1, now: Date): SessionRecordV1 {
  const at = now.toISOString();
  return {
    id,
    name: init.name,
    pattern: init.pattern,
    specHash: specHash(init.specText),
    ...(init.specPath === undefined ? {} : { specPath: init.specPath }),
    status: 'running',
    createdAt: at,
    updatedAt: at,
    vars: [...init.vars],
    ...(init.out === undefined ? {} : { out: init.out }),
    usage: { inputTokens: 0, outputTokens: 0 },
    activeMs: 0,
    invocations: 0,
    pending: [],
    artifacts: [],
  };
}

/**
 * A `running` session whose process is gone (its lock is missing or stale) did not stop on its own:
 * a crash or a kill looks like an interruption, and is reported as one.
 */
export function withDerivedStatus(record: SessionRecordV1, ownerAlive: boolean): SessionRecordV1 {
  return record.status === 'running' && !ownerAlive ? { ...record, status: 'interrupted' } : record;
}

/**
 * Reads a session's `session.json`.
 * @throws SessionError when it is not a session record; the fs error (ENOENT, ...) as it is.
 */
export async function readRecordFile(path: string, id: string): Promise<SessionRecordV1> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const record = value as Partial<SessionRecordV1> | undefined;
  if (
    typeof record !== 'object' ||
    record === null ||
    record.id !== id ||
    typeof record.status !== 'string' ||
    !sessionStatuses.includes(record.status) ||
    typeof record.updatedAt !== 'string'
  ) {
    throw new SessionError(`${path} is not a readable session record`, id, {
      hint: `Delete the session (strands sessions delete ${id}) and run the workflow again.`,
    });
  }
  return record as SessionRecordV1;
}

/** Newest `updatedAt` first; a stable order for equal times (by id). */
export function byNewestUpdate(a: SessionRecordV1, b: SessionRecordV1): number {
  const difference = (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0);
  return difference !== 0 ? difference : a.id.localeCompare(b.id);
}

/**
 * SHA-256 (hex) of a spec's text: what a session records and what `--auto-resume` and an edited
 * `--spec` are compared with.
 */
export function specHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
