import { type FileHandle, open, readFile, truncate } from 'node:fs/promises';
import type { JournalEntryV1, JournalStoreV1 } from '../spec/v1/journal-v1.js';
import { SessionError } from '../spec/v1/session-errors.js';

/** A journal kept in a JSON-lines file; `close()` gives up the open file. */
export interface FileJournal extends JournalStoreV1 {
  /** Waits for pending appends, then closes the file. Appending afterwards fails. */
  close(): Promise<void>;
}

/** The entries of a journal file's text and how many bytes of it are whole entries. */
interface ParsedJournal {
  readonly entries: JournalEntryV1[];
  readonly validBytes: number;
}

function isEntry(value: unknown): value is JournalEntryV1 {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.position === 'string' &&
    typeof entry.kind === 'string' &&
    typeof entry.requestHash === 'string' &&
    typeof entry.at === 'string'
  );
}

/**
 * Parses a journal file. A run killed in the middle of an append leaves a torn last line: it is
 * skipped (that effect did not complete, so it runs again). A bad line anywhere else means the
 * file was damaged, and replaying around a hole would repeat effects silently: that is refused.
 */
export function parseJournal(text: string, file: string): ParsedJournal {
  const lines = text.split('\n');
  const entries: JournalEntryV1[] = [];
  let validBytes = 0;
  let lastContentLine = lines.length - 1;
  while (lastContentLine >= 0 && lines[lastContentLine]?.trim() === '') lastContentLine -= 1;
  for (let index = 0; index <= lastContentLine; index += 1) {
    const line = lines[index] ?? '';
    const lineBytes = Buffer.byteLength(line, 'utf8') + 1;
    if (line.trim() === '') {
      validBytes += lineBytes;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (!isEntry(value)) {
      if (index === lastContentLine) break;
      throw new SessionError(
        `${file}:${index + 1} is not a journal entry: the journal is damaged`,
        undefined,
        {
          hint: 'Restore the file from a backup, or delete the session and run the workflow again.',
        },
      );
    }
    entries.push(value);
    validBytes += lineBytes;
  }
  return { entries, validBytes: Math.min(validBytes, Buffer.byteLength(text, 'utf8')) };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** The entries of the journal file at `path` (none when it does not exist). */
export async function readJournalFile(path: string): Promise<JournalEntryV1[]> {
  return parseJournal(await readText(path), path).entries;
}

/** How far a journal line must get before its append resolves (see `FileSessionStoreOptions`). */
export type JournalSync = 'fdatasync' | 'os';

/** The values of `STRANDS_JOURNAL_SYNC`. */
export const journalSyncModes: readonly JournalSync[] = ['fdatasync', 'os'];

/** An append waiting for the next flush. */
interface PendingAppend {
  readonly line: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A journal store over the JSON-lines file at `path`. An append resolves only once its line is on
 * disk (fdatasync), since the run may be killed right after. Appends that arrive while a flush is under
 * way are written together by the next one (group commit): one write and one fdatasync for all of
 * them, so a run with many concurrent invocations is not slowed to one flush per effect, and lines
 * never interleave.
 */
export function createFileJournal(path: string, options: { readonly sync?: JournalSync } = {}): FileJournal {
  const sync = options.sync ?? 'fdatasync';
  let file: Promise<FileHandle> | undefined;
  let closed = false;
  let waiting: PendingAppend[] = [];
  let flushing: Promise<void> | undefined;

  // Before the first append, a torn tail left by a crash is cut off: appending after it would turn
  // it into a damaged line in the middle.
  const openForAppend = async (): Promise<FileHandle> => {
    const text = await readText(path);
    const { validBytes } = parseJournal(text, path);
    if (validBytes < Buffer.byteLength(text, 'utf8')) await truncate(path, validBytes);
    return open(path, 'a', 0o600);
  };

  const writeBatch = async (batch: readonly PendingAppend[]): Promise<void> => {
    try {
      file ??= openForAppend();
      let handle: FileHandle;
      try {
        handle = await file;
      } catch (error) {
        file = undefined;
        throw error;
      }
      await handle.appendFile(batch.map((item) => item.line).join(''), 'utf8');
      if (sync === 'fdatasync') await handle.datasync();
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };

  const flush = (): Promise<void> => {
    flushing ??= (async () => {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        await writeBatch(batch);
      }
      flushing = undefined;
    })();
    return flushing;
  };

  return {
    read: async () => {
      await flushing;
      return readJournalFile(path);
    },
    append: (entry) => {
      if (closed) return Promise.reject(new SessionError(`The journal ${path} is closed`));
      let line: string;
      try {
        line = `${JSON.stringify(entry)}\n`;
      } catch (error) {
        // A result that is not plain JSON (a BigInt, a cycle) fails this append, as a promise.
        return Promise.reject(error);
      }
      return new Promise<void>((resolve, reject) => {
        waiting.push({ line, resolve, reject });
        void flush();
      });
    },
    close: async () => {
      closed = true;
      while (flushing) await flushing;
      const handle = await file?.catch(() => undefined);
      file = undefined;
      await handle?.close();
    },
  };
}
