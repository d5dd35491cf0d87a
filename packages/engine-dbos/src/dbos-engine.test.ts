import { SessionError } from '@strands-cli/core/spec';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DurableEngine, openDbosEngine } from './dbos-engine.js';
import { takeRunLease } from './run-registry.js';
import { createFreshDatabase } from './testing/fresh-database.js';

let databaseUrl: string;
let engine: DurableEngine;
let pool: pg.Pool;
const notes: string[] = [];

beforeAll(async () => {
  databaseUrl = await createFreshDatabase(inject('postgresAdminUrl'));
  engine = await openDbosEngine({ databaseUrl, onNote: (line) => notes.push(line), leaseWaitMs: 300 });
  pool = new pg.Pool({ connectionString: databaseUrl });
});

afterAll(async () => {
  await pool?.end();
  await engine?.close();
});

const entry = (position: string) => ({
  position,
  kind: 'model-turn' as const,
  requestHash: 'h',
  result: position,
  at: '2026-12-04T00:00:00.000Z',
});

describe('openDbosEngine', () => {
  it('runs an attempt as a DBOS workflow whose input is the spec text', async () => {
    const result = await engine.run(
      { specText: 'name: one\n', specName: 'one', vars: ['a=1'] },
      async () => 42,
    );
    expect(result.value).toBe(42);
    expect(result.attempt).toBe(1);
    const { DBOS } = await import('@dbos-inc/dbos-sdk');
    const [status] = await DBOS.listWorkflows({ workflowIDs: [`${result.runId}.1`], loadInput: true });
    expect(status?.status).toBe('SUCCESS');
    expect(status?.applicationVersion).toBe(engine.applicationVersion);
    expect(status?.input).toEqual([expect.objectContaining({ specText: 'name: one\n', vars: ['a=1'] })]);
    // A completed run is never resumed: the same command starts a new run.
    const again = await engine.run(
      { specText: 'name: one\n', specName: 'one', vars: ['a=1'] },
      async () => 43,
    );
    expect(again.runId).not.toBe(result.runId);
  });

  it('resumes an unfinished run of the same spec and variables, with its journal', async () => {
    const request = { specText: 'name: two\n', specName: 'two', vars: { topic: 'x' } };
    const failure = engine.run(request, async ({ journal }) => {
      await journal.append(entry('/steps/0#0/turn/0'));
      throw new Error('the model went away');
    });
    await expect(failure).rejects.toThrow('the model went away');
    const resumed = await engine.run(request, async ({ journal, runId, attempt }) => ({
      runId,
      attempt,
      seen: (await journal.read()).map((item) => item.position),
    }));
    expect(resumed.value.attempt).toBe(2);
    expect(resumed.value.seen).toEqual(['/steps/0#0/turn/0']);
    expect(notes.some((line) => line.startsWith(`Resuming run ${resumed.runId}`))).toBe(true);
    // Other variables are another run.
    const other = await engine.run({ ...request, vars: { topic: 'y' } }, async ({ journal }) =>
      journal.read(),
    );
    expect(other.value).toEqual([]);
  });

  it('refuses a run started by another engine version, and --new-run starts a separate one', async () => {
    const request = { specText: 'name: three\n', specName: 'three', vars: [] };
    await expect(engine.run(request, async () => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
    await pool.query(
      "UPDATE strands.runs SET application_version = 'strands-engine-dbos@0.0.1+spec-v1' WHERE spec_name = 'three'",
    );
    const refused = await engine.run(request, async () => 1).catch((error: unknown) => error);
    expect(SessionError.isInstance(refused)).toBe(true);
    expect(String((refused as Error).message)).toMatch(/started by strands-engine-dbos@0\.0\.1\+spec-v1/);
    expect((await engine.run({ ...request, newRun: true }, async () => 'fresh')).value).toBe('fresh');
  });

  it('refuses to drive a run another live process holds', async () => {
    const request = { specText: 'name: four\n', specName: 'four', vars: [] };
    await expect(engine.run(request, async () => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
    const { rows } = await pool.query("SELECT run_id FROM strands.runs WHERE spec_name = 'four'");
    const lease = await takeRunLease(pool, rows[0]?.run_id as string, 0);
    try {
      await expect(engine.run(request, async () => 1)).rejects.toThrow(/being run by another live process/);
    } finally {
      await lease?.release();
    }
    expect((await engine.run(request, async () => 'taken over')).value).toBe('taken over');
  });
});
