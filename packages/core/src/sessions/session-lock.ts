import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { SessionError } from '../spec/v1/session-errors.js';

/** Who holds a session's lock: what the lock file contains. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** ISO 8601. */
  readonly startedAt: string;
}

/**
 * What a lock file says about its session:
 * - `free`: no lock file;
 * - `live`: held by a process that still runs on this host (this one included);
 * - `stale`: its process on this host is gone (killed, crashed), so the lock can be taken over;
 * - `foreign`: held from another host, whose processes cannot be checked from here;
 * - `unreadable`: a lock file that is not ours to interpret (being written, or damaged).
 */
export type LockState =
  | { readonly kind: 'free' }
  | { readonly kind: 'live' | 'stale' | 'foreign'; readonly owner: LockOwner }
  | { readonly kind: 'unreadable' };

/** True when a process with this id runs on this host. */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads and judges the lock file at `path`. */
export async function inspectLock(path: string): Promise<LockState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' };
    return { kind: 'unreadable' };
  }
  const owner = parseOwner(text);
  if (owner === undefined) return { kind: 'unreadable' };
  if (owner.hostname !== hostname()) return { kind: 'foreign', owner };
  return { kind: processIsAlive(owner.pid) ? 'live' : 'stale', owner };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.hostname === 'string' &&
      typeof value.startedAt === 'string'
    ) {
      return { pid: value.pid, hostname: value.hostname, startedAt: value.startedAt };
    }
  } catch {
    // Falls through: not a lock this code wrote.
  }
  return undefined;
}

/** The error for a lock this process may not take. */
export function lockRefusal(state: LockState, path: string, sessionId: string): SessionError {
  const deleteHint = `If you are sure no run uses it, delete ${path} and try again.`;
  if (state.kind === 'live') {
    return new SessionError(`Session ${sessionId} is in use by process ${state.owner.pid}`, sessionId, {
      hint: `Wait for that run to end or stop it. ${deleteHint}`,
    });
  }
  if (state.kind === 'foreign') {
    return new SessionError(
      `Session ${sessionId} is in use by process ${state.owner.pid} on host ${state.owner.hostname} (since ${state.owner.startedAt})`,
      sessionId,
      { hint: `A process on another host cannot be checked from here. ${deleteHint}` },
    );
  }
  return new SessionError(`Session ${sessionId} has a lock file that cannot be read`, sessionId, {
    hint: deleteHint,
  });
}

/** A lock this process took: what it wrote, and the stale owner it replaced, if any. */
export interface AcquiredLock {
  readonly owner: LockOwner;
  readonly takenOver: LockOwner | undefined;
}

/**
 * Takes the lock of a session for this process. A stale lock (its process on this host is gone) is
 * taken over, and its former owner returned so the caller can say so.
 * @throws SessionError when a live process, another host, or an unreadable lock file holds it.
 */
export async function acquireLock(path: string, sessionId: string): Promise<AcquiredLock> {
  const self: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  let takenOver: LockOwner | undefined;
  // Each round either wins the exclusive create or removes one stale lock; a few rounds cover
  // another process racing for the same session.
  for (let round = 0; round < 4; round += 1) {
    try {
      // O_EXCL: of two processes creating the lock at once, exactly one succeeds.
      await writeFile(path, JSON.stringify(self), { flag: 'wx', mode: 0o600 });
      return { owner: self, takenOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const state = await inspectLock(path);
    if (state.kind === 'free') continue;
    if (state.kind !== 'stale') throw lockRefusal(state, path, sessionId);
    if (await removeStaleLock(path, state.owner)) takenOver = state.owner;
  }
  throw new SessionError(`Could not lock session ${sessionId}: other processes keep taking it`, sessionId, {
    hint: 'Run `strands sessions list` to see which sessions are running.',
  });
}

/**
 * Removes a stale lock without removing a fresh one another process put in its place meanwhile: the
 * lock is first renamed aside (atomic), then checked to be the stale one before it is deleted.
 * Returns false when it was not there any more, or was not the stale one.
 */
async function removeStaleLock(path: string, stale: LockOwner): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = parseOwner(await readFile(aside, 'utf8').catch(() => ''));
  const wasStale = moved?.pid === stale.pid && moved.startedAt === stale.startedAt;
  // Another process's fresh lock: put it back (it fails only if yet another one was created).
  if (!wasStale) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
  return wasStale;
}

/** Removes the lock at `path` if it is still the one `owner` took (never a later holder's). */
export async function releaseLock(path: string, owner: LockOwner): Promise<void> {
  const state = await inspectLock(path);
  if (state.kind === 'live' && state.owner.pid === owner.pid && state.owner.startedAt === owner.startedAt) {
    await rm(path, { force: true });
  }
}
