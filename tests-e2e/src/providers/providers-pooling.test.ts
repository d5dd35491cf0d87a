import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonResult, providerTargets, runFixture } from './provider-targets.js';

describe.each(providerTargets)('connection pooling on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('keeps 20 concurrent tasks within max_parallel (4) connections', async () => {
    // Each answer waits a little so that tasks overlap and the bound is actually exercised.
    server.setResponder(() => reply.text('done', { delayMs: 40 }));
    const run = await runFixture(target, server, 'fan-out-20', ['--json']);
    expect(run.code).toBe(0);
    expect(jsonResult(run).counts).toMatchObject({ clientsCreated: 1, requests: 20 });
    const stats = server.stats();
    expect(stats.requests).toBe(20);
    expect(stats.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.connections).toBeLessThanOrEqual(4);
    await server.waitForConnectionsClosed();
  });

  it('shares one client between two agents with different models on the same host', async () => {
    const run = await runFixture(target, server, 'two-models', ['--json']);
    expect(run.code).toBe(0);
    expect(jsonResult(run).counts).toMatchObject({ clientsCreated: 1, requests: 2 });
    const models = server.requests.map((request) => target.wire.modelOf(request));
    expect(new Set(models).size).toBe(2);
    expect(server.stats().connections).toBeLessThanOrEqual(2);
    await server.waitForConnectionsClosed();
  });
});
