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

/**
 * A journal store over the JSON-lines file at `path`. Each append writes one line and flushes it
 * (fdatasync) before it resolves, since the run may be killed right after. Appends are queued, so
 * concurrent ones (parallel branches) never interleave within a line.
 */
export function createFileJournal(path: string): FileJournal {
  let queue: Promise<void> = Promise.resolve();
  let file: Promise<FileHandle> | undefined;
  let closed = false;

  // Before the first append, a torn tail left by a crash is cut off: appending after it would turn
  // it into a damaged line in the middle.
  const openForAppend = async (): Promise<FileHandle> => {
    const text = await readText(path);
    const { validBytes } = parseJournal(text, path);
    if (validBytes < Buffer.byteLength(text, 'utf8')) await truncate(path, validBytes);
    return open(path, 'a', 0o600);
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  return {
    read: () => enqueue(() => readJournalFile(path)),
    append: (entry) => {
      if (closed) return Promise.reject(new SessionError(`The journal ${path} is closed`));
      let line: string;
      try {
        line = `${JSON.stringify(entry)}\n`;
      } catch (error) {
        // A result that is not plain JSON (a BigInt, a cycle) fails this append, as a promise.
        return Promise.reject(error);
      }
      return enqueue(async () => {
        file ??= openForAppend();
        let handle: FileHandle;
        try {
          handle = await file;
        } catch (error) {
          file = undefined;
          throw error;
        }
        await handle.appendFile(line, 'utf8');
        await handle.datasync();
      });
    },
    close: async () => {
      closed = true;
      await queue;
      const handle = await file?.catch(() => undefined);
      file = undefined;
      await handle?.close();
    },
  };
}
