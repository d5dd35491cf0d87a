import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntryV1 } from '../spec/v1/journal-v1.js';
import { SessionError } from '../spec/v1/session-errors.js';
import { createFileJournal, readJournalFile } from './file-journal.js';

const entry = (position: string, result: unknown = { text: position }): JournalEntryV1 => ({
  position,
  kind: 'model-turn',
  requestHash: 'abc',
  result,
  at: '2025-01-01T00:00:00.000Z',
});

async function journalPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'strands-journal-')), 'journal.jsonl');
}

describe('file journal', () => {
  it('appends one JSON line per entry and reads them back in order', async () => {
    const path = await journalPath();
    const journal = createFileJournal(path);
    await journal.append(entry('/a#0'));
    await journal.append(entry('/b#0'));
    expect((await journal.read()).map((e) => e.position)).toEqual(['/a#0', '/b#0']);
    await journal.close();
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(3);
  });

  it('keeps concurrent appends on separate whole lines', async () => {
    const path = await journalPath();
    const journal = createFileJournal(path);
    const big = 'x'.repeat(100_000);
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.append(entry(`/p#${i}`, big))));
    await journal.close();
    const entries = await readJournalFile(path);
    expect(entries.map((e) => e.position)).toEqual(Array.from({ length: 20 }, (_, i) => `/p#${i}`));
  });

  it('reads nothing when the file does not exist', async () => {
    expect(await readJournalFile(await journalPath())).toEqual([]);
  });

  it('skips a torn last line (a crash mid-append) and cuts it off before appending again', async () => {
    const path = await journalPath();
    await writeFile(path, `${JSON.stringify(entry('/a#0'))}\n{"position":"/b#0","ki`);
    expect((await readJournalFile(path)).map((e) => e.position)).toEqual(['/a#0']);
    const journal = createFileJournal(path);
    await journal.append(entry('/b#0'));
    await journal.close();
    expect((await readJournalFile(path)).map((e) => e.position)).toEqual(['/a#0', '/b#0']);
  });

  it('refuses a damaged line in the middle, naming the file and line', async () => {
    const path = await journalPath();
    await writeFile(path, `${JSON.stringify(entry('/a#0'))}\nnot json\n${JSON.stringify(entry('/c#0'))}\n`);
    const failure = readJournalFile(path);
    await expect(failure).rejects.toSatisfy(SessionError.isInstance);
    await expect(readJournalFile(path)).rejects.toThrow(`${path}:2 is not a journal entry`);
  });

  it('refuses appends after close', async () => {
    const journal = createFileJournal(await journalPath());
    await journal.close();
    await expect(journal.append(entry('/a#0'))).rejects.toThrow('is closed');
  });
});
