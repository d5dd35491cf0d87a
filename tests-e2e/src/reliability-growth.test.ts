import type { LoopbackServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  prepareSpec,
  providerTarget,
  runDocument,
  runPrepared,
  writeSpecDocument,
} from './reliability-harness.js';

// Growth does not depend on the provider: one is enough.
const openai = providerTarget('openai');

/** Peak resident memory a large spec may take: a quadratic analysis took gigabytes. */
const maxRssBytes = 512 * 1024 * 1024;

/**
 * A chain of `length` tasks, each reading the task before it (its status, which keeps every message
 * the same size: echoing whole responses would grow the traffic with the square of the length).
 */
function chainTasks(length: number): Array<Record<string, unknown>> {
  return Array.from({ length }, (_, index) =>
    index === 0
      ? { id: 't0', agent: 'worker', input: 'start' }
      : {
          id: `t${index}`,
          agent: 'worker',
          input: `after {{ tasks.t${index - 1}.status }}`,
          deps: [`t${index - 1}`],
        },
  );
}

function chainSpec(length: number, metadata?: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1,
    name: 'growth',
    ...(metadata ? { metadata } : {}),
    runtime: { provider: 'openai', model_id: 'gpt-4o-mini' },
    agents: { worker: { prompt: 'You work.' } },
    pattern: { type: 'workflow', config: { tasks: chainTasks(length) } },
  };
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await openai.start();
});
afterAll(() => server.close());

describe('specs that grow, through the built CLI', () => {
  it('validates a 10,000-task chain (the limit) and exits 0', async () => {
    const prepared = await writeSpecDocument(chainSpec(10_000));
    const run = await runCli(['validate', prepared.spec], { cwd: prepared.dir, timeoutMs: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 90_000);

  it('refuses a 16,000-task chain with exit 3 and a located limit message, never a crash', async () => {
    const prepared = await writeSpecDocument(chainSpec(16_000));
    const run = await runCli(['validate', prepared.spec], { cwd: prepared.dir, timeoutMs: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/\/pattern\/config\/tasks.*at most 10000 items, found 16000/s);
  }, 90_000);

  it('validates a spec with 40,000 labels and exits 0', async () => {
    const labels = Object.fromEntries(
      Array.from({ length: 40_000 }, (_, index) => [`k${index}`, `v${index}`]),
    );
    const prepared = await writeSpecDocument(chainSpec(1, { labels }));
    const run = await runCli(['validate', prepared.spec], { cwd: prepared.dir, timeoutMs: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 90_000);

  it('runs a 4000-task chain: every task once, each reading the one before, in bounded memory', async () => {
    server.reset();
    const prepared = await prepareSpec('parallel-four', openai, (spec) => {
      spec.pattern = { type: 'workflow', config: { tasks: chainTasks(4000) } };
      delete spec.outputs;
    });
    const run = await runPrepared(prepared, openai, server, { flags: ['--json'], timeoutMs: 120_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = runDocument(run);
    expect(result.counts).toMatchObject({ invocations: 4000, requests: 4000, retries: 0 });
    expect(result.response).toBe('echo: after success');
    expect(server.requests).toHaveLength(4000);
    expect(result.maxRssBytes).toBeLessThan(maxRssBytes);
  }, 180_000);
});
