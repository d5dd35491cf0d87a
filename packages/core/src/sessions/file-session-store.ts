import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SessionError } from '../spec/v1/session-errors.js';
import type {
  NewSessionV1,
  SessionHandleV1,
  SessionRecordV1,
  SessionStoreV1,
  SessionUpdateV1,
} from '../spec/v1/session-v1.js';
import { writeFileAtomic } from './atomic-write.js';
import { createFileJournal, type JournalSync } from './file-journal.js';
import { acquireLock, inspectLock, type LockOwner, releaseLock } from './session-lock.js';
import { byNewestUpdate, newSessionRecord, readRecordFile, withDerivedStatus } from './session-record.js';
import { assertAttachmentName, assertSessionId, unknownSession } from './sessions-dir.js';

/** Options of {@link createFileSessionStore}. */
export interface FileSessionStoreOptions {
  /** The folder holding one folder per session (see `defaultSessionsDir`). */
  readonly dir: string;
  /**
   * How far a journal line must get before its effect counts as done. `fdatasync` (the default): on
   * disk, so even a power cut loses nothing that completed. `os`: handed to the operating system, which
   * survives the process being killed (`kill -9`, a crash) but not the machine going down; cheaper
   * where a disk flush is slow.
   */
  readonly journalSync?: JournalSync;
  /** The clock for `createdAt`/`updatedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Told when a stale lock (its process died) is taken over, so the user can be informed. */
  readonly onStaleLock?: (info: { readonly sessionId: string; readonly owner: LockOwner }) => void;
}

const snapshotPattern = /^spec(\.[A-Za-z0-9]{1,16})?$/;

/** The snapshot's file name: `spec` plus the original extension, so YAML stays YAML. */
function snapshotName(specFileName: string): string {
  const extension = extname(specFileName);
  return `spec${/^\.[A-Za-z0-9]{1,16}$/.test(extension) ? extension : ''}`;
}

/**
 * The default session store: one folder per session under `dir`, holding `session.json` (written
 * atomically), the spec snapshot (`spec.yaml`, `spec.json`, ...), `journal.jsonl` (one entry per
 * line, flushed per append), `lock` (the process driving it) and attachments such as `trace.json`. Plain files, no native dependency.
 */
export function createFileSessionStore(options: FileSessionStoreOptions): SessionStoreV1 {
  const { dir } = options;
  const now = options.now ?? (() => new Date());
  const paths = (id: string) => {
    const folder = join(dir, id);
    return {
      folder,
      record: join(folder, 'session.json'),
      journal: join(folder, 'journal.jsonl'),
      lock: join(folder, 'lock'),
    };
  };

  const exists = async (id: string): Promise<boolean> =>
    (await stat(paths(id).record).catch(() => undefined))?.isFile() === true;

  const currentRecord = async (id: string): Promise<SessionRecordV1> => {
    const where = paths(id);
    const record = await readRecordFile(where.record, id);
    const lock = await inspectLock(where.lock);
    return withDerivedStatus(record, lock.kind !== 'free' && lock.kind !== 'stale');
  };

  const lock = async (id: string): Promise<LockOwner> => {
    const { owner, takenOver } = await acquireLock(paths(id).lock, id);
    if (takenOver) options.onStaleLock?.({ sessionId: id, owner: takenOver });
    return owner;
  };

  const openHandle = (id: string, initial: SessionRecordV1, owner: LockOwner): SessionHandleV1 => {
    const where = paths(id);
    const journal = createFileJournal(where.journal, { sync: options.journalSync ?? 'fdatasync' });
    let record = initial;
    let released = false;
    let updates: Promise<unknown> = Promise.resolve();
    const update = async (changes: SessionUpdateV1): Promise<SessionRecordV1> => {
      if (released) throw new SessionError(`Session ${id} was released: it cannot be changed`, id);
      const next: SessionRecordV1 = { ...record, ...changes, updatedAt: now().toISOString() };
      await writeFileAtomic(where.record, `${JSON.stringify(next, null, 2)}\n`);
      record = next;
      return structuredClone(record);
    };
    return {
      id,
      journal,
      read: async () => structuredClone(record),
      // Queued, so two updates at once cannot both start from the same old record.
      update: (changes) => {
        const run = updates.then(() => update(changes));
        updates = run.catch(() => undefined);
        return run;
      },
      readSpec: async () => {
        const name = (await readdir(where.folder)).find((entry) => snapshotPattern.test(entry));
        if (name === undefined) throw new SessionError(`Session ${id} has no spec snapshot`, id);
        const original = record.specPath === undefined ? undefined : basename(record.specPath);
        const fileName = original !== undefined && snapshotName(original) === name ? original : name;
        return { text: await readFile(join(where.folder, name), 'utf8'), fileName };
      },
      release: async () => {
        if (released) return;
        released = true;
        await updates;
        await journal.close();
        await releaseLock(where.lock, owner);
      },
    };
  };

  return {
    async create(init: NewSessionV1) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const id = randomUUID();
      const where = paths(id);
      await mkdir(where.folder, { mode: 0o700 });
      try {
        const owner = await lock(id);
        const record = newSessionRecord(id, init, now());
        await writeFileAtomic(join(where.folder, snapshotName(init.specFileName)), init.specText);
        await writeFileAtomic(where.record, `${JSON.stringify(record, null, 2)}\n`);
        return openHandle(id, record, owner);
      } catch (error) {
        await rm(where.folder, { recursive: true, force: true });
        throw error;
      }
    },
    async open(id: string) {
      assertSessionId(id);
      if (!(await exists(id))) throw unknownSession(id, dir);
      const owner = await lock(id);
      try {
        return openHandle(id, await readRecordFile(paths(id).record, id), owner);
      } catch (error) {
        await releaseLock(paths(id).lock, owner);
        throw error;
      }
    },
    async get(id: string) {
      assertSessionId(id);
      if (!(await exists(id))) return undefined;
      return currentRecord(id);
    },
    async list() {
      const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      const records: SessionRecordV1[] = [];
      for (const entry of entries) {
        if (!entry.isDirectory() || !/^[A-Za-z0-9-]+$/.test(entry.name)) continue;
        // A folder that is not a readable session (half-deleted, foreign, damaged) is left out,
        // so one bad session never hides the others.
        const record = await currentRecord(entry.name).catch(() => undefined);
        if (record) records.push(record);
      }
      return records.sort(byNewestUpdate);
    },
    async writeAttachment(id: string, name: string, text: string) {
      assertSessionId(id);
      assertAttachmentName(name);
      if (!(await exists(id))) throw unknownSession(id, dir);
      await writeFileAtomic(join(paths(id).folder, name), text);
    },
    async readAttachment(id: string, name: string) {
      assertSessionId(id);
      assertAttachmentName(name);
      return readFile(join(paths(id).folder, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
    },
    async delete(id: string) {
      assertSessionId(id);
      const where = paths(id);
      if (!(await stat(where.folder).catch(() => undefined))?.isDirectory()) throw unknownSession(id, dir);
      // Taking the lock first refuses a session a live process drives, and keeps a resume from
      // starting on a folder that is being removed.
      await lock(id);
      await rm(where.folder, { recursive: true, force: true });
    },
  };
}
