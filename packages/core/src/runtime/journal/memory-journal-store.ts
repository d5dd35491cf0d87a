import type { JournalEntryV1, JournalStoreV1 } from '../../spec/v1/journal-v1.js';

/** A journal store in memory, for library use and tests: `entries` shows what was recorded. */
export interface MemoryJournalStore extends JournalStoreV1 {
  /** Every entry appended so far, in order. */
  readonly entries: readonly JournalEntryV1[];
}

/**
 * A journal kept in memory. Pass the same store to a second `runWorkflow` to resume: positions
 * already recorded answer from it. Entries are copied in and out, so nobody can change history.
 */
export function createMemoryJournalStore(initial: readonly JournalEntryV1[] = []): MemoryJournalStore {
  const entries: JournalEntryV1[] = initial.map((entry) => structuredClone(entry));
  return {
    entries,
    read: async () => entries.map((entry) => structuredClone(entry)),
    append: async (entry) => {
      entries.push(structuredClone(entry));
    },
  };
}
