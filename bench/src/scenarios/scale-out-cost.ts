import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createFileSessionStore,
  type LoadedSpec,
  prepareSpec,
  runInSession,
  runWorkflow,
} from '@strands-cli/core';
import { createMockProviderPlugin } from '@strands-cli/core/testing';
import { createPostgresJournal, ensureEngineSchema } from '@strands-cli/engine-dbos';
import { createFreshDatabase } from '@strands-cli/engine-dbos/testing';
import pg from 'pg';
import { settle } from '../measure.js';
import { type BenchProvider, processEnv } from '../providers.js';
import type { LoopbackServer } from '../servers.js';
import { chainSpec } from '../specs.js';
import { type Summary, summarize } from '../stats.js';
import { timeStrands } from './scale-out-processes.js';

/** What the DBOS engine's journal costs per step and per run, next to a local file session. */
export interface EngineStepCost {
  /** The two chain lengths whose difference gives the per-step cost. */
  readonly steps: readonly [short: number, long: number];
  /** Orchestration alone (in-memory model, no journal), ms per step. */
  readonly noJournalMs: Summary;
  /** A file session as `strands run` keeps one (fdatasync per turn), ms per step. */
  readonly fileSessionMs: Summary;
  /** The engine's PostgreSQL journal (one committed row per turn), ms per step. */
  readonly postgresMs: Summary;
  /** Median per-step cost of the PostgreSQL journal above the file session. */
  readonly overheadMs: number;
  /** A whole `strands run` process of a 5-step chain (zero-delay server), file session, ms. */
  readonly fileSessionProcessMs: Summary;
  /** The same with `--database` (DBOS launch, schema checks, the attempt's workflow), ms. */
  readonly databaseProcessMs: Summary;
}

type Variant = 'none' | 'file' | 'postgres';

/**
 * The engine's cost: per step in this process against an in-memory model (the slope between a
 * short and a long chain, so the journal's own cost is what differs), and per run as whole
 * `strands run` processes of a 5-step chain against a zero-delay server, with and without `--database`.
 */
export async function benchEngineStepCost(
  provider: BenchProvider,
  server: LoopbackServer,
  adminUrl: string,
  dir: string,
  reps: number,
): Promise<EngineStepCost> {
  const databaseUrl = await createFreshDatabase(adminUrl, 'strands_bench');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    await ensureEngineSchema(pool);
    const perStep = await perStepCost(pool, dir, reps);
    const specFile = join(dir, 'cost-chain-5.json');
    await writeFile(specFile, JSON.stringify(chainSpec(5, provider.runtime(server.url))));
    const env = processEnv({ ...provider.env });
    const run = (database: boolean) =>
      timeStrands(['run', specFile, '--json', ...(database ? ['--database', databaseUrl] : [])], env, dir);
    await run(true);
    const processes = { file: [] as number[], database: [] as number[] };
    for (let round = 0; round < reps; round += 1) {
      processes.file.push(await run(false));
      processes.database.push(await run(true));
    }
    return {
      ...perStep,
      fileSessionProcessMs: summarize(processes.file),
      databaseProcessMs: summarize(processes.database),
    };
  } finally {
    await pool.end();
  }
}

async function perStepCost(
  pool: pg.Pool,
  dir: string,
  reps: number,
): Promise<Omit<EngineStepCost, 'fileSessionProcessMs' | 'databaseProcessMs'>> {
  const mock = createMockProviderPlugin({ responses: () => ({ text: 'echo: a short answer' }) });
  const load = (steps: number) =>
    prepareSpec(chainSpec(steps, { provider: 'mock', model_id: 'mock-model' }), {
      plugins: { searchFrom: [process.cwd()], providers: { mock } },
    });
  const short = 10;
  const long = 100;
  const specs = { [short]: await load(short), [long]: await load(long) } as Record<number, LoadedSpec>;
  const store = createFileSessionStore({ dir: join(dir, 'sessions') });
  const options = { providers: { mock }, env: {} };
  const run = async (variant: Variant, loaded: LoadedSpec): Promise<number> => {
    settle();
    const started = performance.now();
    if (variant === 'none') await runWorkflow(loaded, options);
    else if (variant === 'postgres') {
      await runWorkflow(loaded, {
        ...options,
        journal: createPostgresJournal({ pool, runId: randomUUID() }),
      });
    } else {
      const handle = await store.create({
        name: loaded.spec.name,
        pattern: 'chain',
        specText: '{}',
        specFileName: 'spec.json',
        vars: [],
      });
      await runInSession(loaded, { handle }, options);
    }
    return performance.now() - started;
  };
  const variants: Variant[] = ['none', 'file', 'postgres'];
  const slopes: Record<Variant, number[]> = { none: [], file: [], postgres: [] };
  for (const variant of variants) await run(variant, specs[long] as LoadedSpec);
  // Interleaved, so a busy moment of the machine falls on every variant alike.
  for (let round = 0; round < reps; round += 1) {
    for (const variant of variants) {
      const shortMs = await run(variant, specs[short] as LoadedSpec);
      const longMs = await run(variant, specs[long] as LoadedSpec);
      slopes[variant].push((longMs - shortMs) / (long - short));
    }
  }
  const file = summarize(slopes.file);
  const postgres = summarize(slopes.postgres);
  return {
    steps: [short, long],
    noJournalMs: summarize(slopes.none),
    fileSessionMs: file,
    postgresMs: postgres,
    overheadMs: postgres.median - file.median,
  };
}
