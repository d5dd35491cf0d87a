import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoopbackServer } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareSpec, providerTargets, runDocument, runPrepared } from './reliability-harness.js';

/** Peak resident memory a load run may reach: generous, but far below what a leak per task would take. */
const maxRssBytes = 512 * 1024 * 1024;

/** Ten layers of 100 tasks; each task depends on its twin in the layer before, and one task on all of the last. */
function thousandTasks(): Array<Record<string, unknown>> {
  const tasks: Array<Record<string, unknown>> = [];
  for (let layer = 0; layer < 10; layer++) {
    for (let index = 0; index < (layer === 9 ? 99 : 100); index++) {
      tasks.push({
        id: `t${layer}_${index}`,
        agent: 'worker',
        input: `task ${layer}.${index}`,
        ...(layer > 0 ? { deps: [`t${layer - 1}_${index}`] } : {}),
      });
    }
  }
  tasks.push({
    id: 'summary',
    agent: 'worker',
    input: 'summarise {{ tasks.t8_0.response }}',
    deps: Array.from({ length: 100 }, (_, index) => `t8_${index}`),
  });
  return tasks;
}

describe.each(providerTargets)('load on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('runs a 1000-task workflow within max_parallel connections, cleanly, and exits by itself', async () => {
    const prepared = await prepareSpec('parallel-four', target, (spec) => {
      spec.runtime.max_parallel = 8;
      spec.pattern = { type: 'workflow', config: { tasks: thousandTasks() } };
    });
    const run = await runPrepared(prepared, target, server, { flags: ['--json'], timeoutMs: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = runDocument(run);
    expect(result.response).toBe('echo: summarise echo: task 8.0');
    expect(result.counts).toMatchObject({ invocations: 1000, requests: 1000, retries: 0 });
    expect(server.requests).toHaveLength(1000);
    expect(server.stats().maxInFlight).toBeLessThanOrEqual(8);
    expect(server.stats().connections).toBeLessThanOrEqual(8);
    expect(result.maxRssBytes).toBeLessThan(maxRssBytes);
    expect(await readFile(join(prepared.out, 'combined.md'), 'utf8')).toBe('echo: summarise echo: task 8.0');
    await server.waitForConnectionsClosed();
  });

  it('runs a 200-branch parallel run within max_parallel connections, cleanly, and exits by itself', async () => {
    const prepared = await prepareSpec('parallel-four', target, (spec) => {
      spec.runtime.max_parallel = 16;
      spec.pattern = {
        type: 'parallel',
        config: {
          branches: Array.from({ length: 200 }, (_, index) => ({
            id: `b${index}`,
            steps: [{ agent: 'worker', input: `branch ${index}` }],
          })),
          reduce: {
            agent: 'worker',
            input: 'combine {{ branches.b0.response }} {{ branches.b199.response }}',
          },
        },
      };
    });
    const run = await runPrepared(prepared, target, server, { flags: ['--json'], timeoutMs: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = runDocument(run);
    expect(result.response).toBe('echo: combine echo: branch 0 echo: branch 199');
    expect(result.counts).toMatchObject({ invocations: 201, requests: 201 });
    expect(server.stats().maxInFlight).toBeLessThanOrEqual(16);
    expect(server.stats().connections).toBeLessThanOrEqual(16);
    expect(result.maxRssBytes).toBeLessThan(maxRssBytes);
    await server.waitForConnectionsClosed();
  });
});
