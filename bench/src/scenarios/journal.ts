import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFileSessionStore,
  createMemoryJournalStore,
  prepareSpec,
  runInSession,
  runWorkflow,
} from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import { settle } from '../measure.js';
import { chainSpec } from '../specs.js';
import { type Summary, summarize } from '../stats.js';

/** What keeping a run's journal costs per step, in the three ways a run can keep it. */
export interface JournalCost {
  readonly steps: number;
  /** Orchestration alone: no journal kept. */
  readonly noJournalMs: Summary;
  /** The in-memory journal (library use). */
  readonly memoryJournalMs: Summary;
  /** A file session: one JSON line per model turn, flushed with fdatasync, as `strands run` does. */
  readonly fileSessionMs: Summary;
  /** Median per-step cost of the file session above no journal. */
  readonly fileOverheadMs: number;
}

/**
 * The journal's cost per step, measured in one run against the same in-memory model (no HTTP), so the
 * difference is the journal alone: hashing each canonical request, and for the file store writing and
 * flushing one line per turn plus the session's metadata at start and end.
 */
export async function benchJournal(steps: number, reps: number): Promise<JournalCost> {
  const mock = createMockProviderPlugin({ responses: () => ({ text: 'echo: a short answer' }) });
  const document = chainSpec(steps, { provider: 'mock', model_id: 'mock-model' });
  const loaded = await prepareSpec(document, {
    plugins: { searchFrom: [process.cwd()], providers: { mock } },
  });
  const dir = await mkdtemp(join(tmpdir(), 'strands-bench-journal-'));
  const store = createFileSessionStore({ dir });
  const options = { providers: { mock }, env: {} };
  const timed = async (work: () => Promise<unknown>): Promise<number> => {
    settle();
    const started = performance.now();
    await work();
    return (performance.now() - started) / steps;
  };
  const variants = {
    none: () => runWorkflow(loaded, options),
    memory: () => runWorkflow(loaded, { ...options, journal: createMemoryJournalStore() }),
    file: async () => {
      const handle = await store.create({
        name: loaded.spec.name,
        pattern: 'chain',
        specText: JSON.stringify(document),
        specFileName: 'spec.json',
        vars: [],
      });
      return runInSession(loaded, { handle }, options);
    },
  };
  const samples = { none: [] as number[], memory: [] as number[], file: [] as number[] };
  try {
    for (const work of Object.values(variants)) await timed(work);
    // Interleaved, so a busy moment of the machine falls on every variant alike.
    for (let round = 0; round < reps; round += 1) {
      samples.none.push(await timed(variants.none));
      samples.memory.push(await timed(variants.memory));
      samples.file.push(await timed(variants.file));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const none = summarize(samples.none);
  const file = summarize(samples.file);
  return {
    steps,
    noJournalMs: none,
    memoryJournalMs: summarize(samples.memory),
    fileSessionMs: file,
    fileOverheadMs: file.median - none.median,
  };
}
