import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonResult, providerTargets, runFixture } from './provider-targets.js';

describe.each(providerTargets)('a chain on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('runs 10 steps on one client and one connection (two at most), and leaves no socket open', async () => {
    const run = await runFixture(target, server, 'chain-10', ['--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = jsonResult(run);
    expect(result.ok).toBe(true);
    expect(result.response).toMatch(/^echo: Step 10 after: /);
    expect(result.counts).toMatchObject({ clientsCreated: 1, requests: 10, retries: 0 });
    expect(server.requests).toHaveLength(10);
    expect(server.requests.every((request) => !target.wire.askedToStream(request))).toBe(true);
    expect(server.stats().connections).toBeGreaterThanOrEqual(1);
    expect(server.stats().connections).toBeLessThanOrEqual(2);
    await server.waitForConnectionsClosed();
  });

  it('streams with --stream: the text arrives on stderr, the answer on stdout, still one pool', async () => {
    server.setResponder(() => reply.text('streamed words arrive one by one'));
    const run = await runFixture(target, server, 'chain-10', ['--stream']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('streamed words arrive one by one');
    expect(run.stderr).toContain('streamed words arrive one by one');
    expect(server.requests).toHaveLength(10);
    expect(server.requests.every((request) => target.wire.askedToStream(request))).toBe(true);
    if (target.id === 'openai') {
      expect(server.requests[0]?.body).toMatchObject({ stream_options: { include_usage: true } });
    }
    expect(server.stats().connections).toBeLessThanOrEqual(2);
    await server.waitForConnectionsClosed();
  });
});
