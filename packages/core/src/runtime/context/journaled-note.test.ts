import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/manual-clock.js';
import { BudgetTracker } from '../budget-tracker.js';
import { createMemoryJournalStore } from '../journal/memory-journal-store.js';
import { RunJournal } from '../journal/run-journal.js';
import { defaultRetryPolicy } from '../retry-policy.js';
import { RunCounters } from '../run-counters.js';
import { Semaphore } from '../semaphore.js';
import { journaledNote } from './journaled-note.js';
import { NotesLog } from './notes-log.js';

async function services(store: ReturnType<typeof createMemoryJournalStore>) {
  const clock = new ManualClock();
  return {
    semaphore: new Semaphore(1),
    clock,
    retryPolicy: defaultRetryPolicy,
    random: () => 0.5,
    counters: new RunCounters(),
    budget: new BudgetTracker(undefined, clock, { warn: () => undefined, exceed: () => undefined }),
    emit: () => undefined,
    journal: await RunJournal.open(store, () => undefined),
  };
}

const fields = { agent: 'writer', step: 'step 1', input: 'draft', tools: [], outcome: 'done' };
const policy = { file: 'notes.md', includeLast: 3, format: 'markdown' } as const;

describe('journaledNote', () => {
  it('replays the recorded note (same time) on a second run and writes it once', async () => {
    const root = await mkdtemp(join(tmpdir(), 'journaled-note-'));
    const store = createMemoryJournalStore();
    const first = await services(store);
    await journaledNote(first, new NotesLog(policy, root), '/p#0', 'step 1', fields, () => new Date(1_000));
    const second = await services(store);
    const notes = new NotesLog(policy, root);
    await journaledNote(second, notes, '/p#0', 'step 1', fields, () => new Date(9_000_000));
    expect(second.journal.counts).toEqual({ replayed: 1, recorded: 0 });
    expect(notes.notes[0]?.timestamp).toBe('1970-01-01T00:00:01Z');
    const file = await readFile(join(root, 'notes.md'), 'utf8');
    expect(file.match(/Agent: writer/g)).toHaveLength(1);
  });
});
