import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFileSessionStore,
  createMemoryJournalStore,
  type LoadedSpec,
  prepareSpec,
  runInSession,
  runWorkflow,
  type SessionStoreV1,
} from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import { settle } from '../measure.js';
import { chainSpec } from '../specs.js';
import { type Summary, summarize } from '../stats.js';

/** What keeping a run's journal costs, per step and per run, in the ways a run can keep it. */
export interface JournalCost {
  /** The two chain lengths whose difference gives the per-step cost. */
  readonly steps: readonly [short: number, long: number];
  /** Orchestration alone, ms per step (no journal kept). */
  readonly noJournalMs: Summary;
  /** The in-memory journal (library use), ms per step. */
  readonly memoryJournalMs: Summary;
  /** A file session as `strands run` keeps one: one line per model turn, fdatasync before it counts. */
  readonly fileSessionMs: Summary;
  /** A file session with `STRANDS_JOURNAL_SYNC=os`: each line written, not flushed to disk. */
  readonly fileSessionOsMs: Summary;
  /** One append + fdatasync of a short line on this disk, for scale. */
  readonly fdatasyncMs: Summary;
  /** What a file session costs once per run (create, metadata at start and end, lock), ms. */
  readonly sessionPerRunMs: Summary;
  /** Median per-step cost of the file session above no journal. */
  readonly fileOverheadMs: number;
}

type Variant = 'none' | 'memory' | 'file' | 'fileOs';

/**
 * The journal's cost, against the same in-memory model (no HTTP), so the difference is the journal
 * alone. Per step is the slope between a short and a long chain, so what a session costs once per run
 * (creating its folder and metadata, flushed) is reported apart from what each step adds (hashing the
 * request, writing and flushing one journal line).
 */
export async function benchJournal(reps: number): Promise<JournalCost> {
  const mock = createMockProviderPlugin({ responses: () => ({ text: 'echo: a short answer' }) });
  const load = (steps: number) =>
    prepareSpec(chainSpec(steps, { provider: 'mock', model_id: 'mock-model' }), {
      plugins: { searchFrom: [process.cwd()], providers: { mock } },
    });
  const short = 10;
  const long = 100;
  const specs = { [short]: await load(short), [long]: await load(long) } as Record<number, LoadedSpec>;
  const dir = await mkdtemp(join(tmpdir(), 'strands-bench-journal-'));
  const stores = {
    file: createFileSessionStore({ dir }),
    fileOs: createFileSessionStore({ dir, journalSync: 'os' }),
  };
  const options = { providers: { mock }, env: {} };
  const perRun: number[] = [];
  const run = async (variant: Variant, loaded: LoadedSpec): Promise<number> => {
    settle();
    const started = performance.now();
    if (variant === 'none') await runWorkflow(loaded, options);
    else if (variant === 'memory')
      await runWorkflow(loaded, { ...options, journal: createMemoryJournalStore() });
    else await inSession(stores[variant], loaded);
    return performance.now() - started;
  };
  const inSession = async (store: SessionStoreV1, loaded: LoadedSpec) => {
    const handle = await store.create({
      name: loaded.spec.name,
      pattern: 'chain',
      specText: '{}',
      specFileName: 'spec.json',
      vars: [],
    });
    return runInSession(loaded, { handle }, options);
  };
  const variants: Variant[] = ['none', 'memory', 'file', 'fileOs'];
  const slopes: Record<Variant, number[]> = { none: [], memory: [], file: [], fileOs: [] };
  const fdatasync: number[] = [];
  try {
    for (const variant of variants) await run(variant, specs[long] as LoadedSpec);
    // Interleaved, so a busy moment of the machine falls on every variant alike.
    for (let round = 0; round < reps; round += 1) {
      for (const variant of variants) {
        const shortMs = await run(variant, specs[short] as LoadedSpec);
        const longMs = await run(variant, specs[long] as LoadedSpec);
        const perStep = (longMs - shortMs) / (long - short);
        slopes[variant].push(perStep);
        if (variant === 'file') perRun.push(shortMs - short * perStep);
      }
      fdatasync.push(await fdatasyncCost(join(dir, 'probe.jsonl'), 50));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const none = summarize(slopes.none);
  const file = summarize(slopes.file);
  const noneRun = summarize(slopes.none.map((slope) => slope * short));
  return {
    steps: [short, long],
    noJournalMs: none,
    memoryJournalMs: summarize(slopes.memory),
    fileSessionMs: file,
    fileSessionOsMs: summarize(slopes.fileOs),
    fdatasyncMs: summarize(fdatasync),
    sessionPerRunMs: summarize(perRun.map((value) => value - noneRun.median)),
    fileOverheadMs: file.median - none.median,
  };
}

/** Milliseconds per append + fdatasync of one short line: the floor under the default journal. */
async function fdatasyncCost(path: string, count: number): Promise<number> {
  const handle = await open(path, 'a');
  try {
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      await handle.appendFile(`{"position":"/pattern/config/steps/${index}#0/turn/1"}\n`);
      await handle.datasync();
    }
    return (performance.now() - started) / count;
  } finally {
    await handle.close();
  }
}
