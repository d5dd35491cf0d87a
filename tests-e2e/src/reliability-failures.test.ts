import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder, prepareSpec, providerTargets, runDocument, runPrepared } from './reliability-harness.js';

/** The final answer of the chain fixture, as the echo responder gives it. */
const second = 'echo: second: polish echo: first: draft';

/** A request waits at most this long for headers (or between chunks) before it fails as a timeout. */
const shortTimeout = { STRANDS_REQUEST_TIMEOUT_S: '1' };

describe.each(providerTargets)(
  'failures on $id that retrying cannot fix, through the built CLI',
  (target) => {
    const provider = target.displayName;
    let server: LoopbackServer;
    beforeEach(async () => {
      server = await target.start();
    });
    afterEach(() => server.close());

    it('fails with exit 10 once retries are exhausted, naming step, provider, status and the fix', async () => {
      server.enqueue(reply.error(503), reply.error(503), reply.error(503), reply.text('never sent'));
      const prepared = await prepareSpec('chain-two-steps', target);
      const run = await runPrepared(prepared, target, server, { flags: ['--json'] });
      expect(run.code).toBe(10);
      const { error } = runDocument(run);
      expect(error?.message).toMatch(/^step 1 \(agent 'writer'\) failed: /);
      expect(error?.message).toContain(provider);
      expect(error?.message).toContain('503');
      expect(error?.message).toContain('gave up after 3 attempts');
      expect(error?.hint).toMatch(/failure_policy/);
      expect(run.stderr).toMatch(/\n {2}fix: /);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(server.requests).toHaveLength(3);
      expect(await filesUnder(prepared.out)).toEqual([]);
      await server.waitForConnectionsClosed();
    });

    it('fails with exit 10 when every attempt times out, saying how to raise the timeout', async () => {
      server.enqueue(reply.stall(), reply.stall(), reply.stall());
      const prepared = await prepareSpec('chain-two-steps', target);
      const run = await runPrepared(prepared, target, server, { env: shortTimeout });
      expect(run.code).toBe(10);
      expect(run.stderr).toMatch(
        new RegExp(
          `Error: step 1 \\(agent 'writer'\\) failed: .*${provider}.*timed out.*gave up after 3 attempts`,
        ),
      );
      expect(run.stderr).toMatch(/\n {2}fix: .*(timeout|STRANDS_REQUEST_TIMEOUT_S)/i);
      expect(server.requests).toHaveLength(3);
      // Every stalled request was abandoned by the client; none is left open.
      await server.waitForConnectionsClosed();
      expect(server.stats().inFlight).toBe(0);
      expect(await filesUnder(prepared.out)).toEqual([]);
    });

    it('fails at once with exit 10 on a body that is not valid JSON (not retryable)', async () => {
      server.enqueue(reply.invalidJson());
      const prepared = await prepareSpec('chain-two-steps', target);
      const run = await runPrepared(prepared, target, server);
      expect(run.code).toBe(10);
      expect(run.stderr).toMatch(
        new RegExp(
          `Error: step 1 \\(agent 'writer'\\) failed: ${provider} returned a body that (is not valid JSON|could not be read)`,
        ),
      );
      expect(run.stderr).toMatch(/\n {2}fix: Check that .* /);
      expect(server.requests).toHaveLength(1);
      expect(await filesUnder(prepared.out)).toEqual([]);
    });

    it('handles a stream event that is not valid JSON: recovers or exit 10, stdout keeps only the result', async () => {
      server.enqueue(reply.invalidJson());
      const prepared = await prepareSpec('chain-two-steps', target);
      const run = await runPrepared(prepared, target, server, { flags: ['--json', '--stream'] });
      // stdout is one JSON document: nothing a vendor library prints may land there.
      const result = runDocument(run);
      expect([0, 10]).toContain(run.code);
      if (run.code === 0) expect(result.response).toBe(second);
      else
        expect(result.error?.message).toMatch(new RegExp(`^step 1 \\(agent 'writer'\\) failed: ${provider}`));
    });
  },
);

describe.each(providerTargets)('a router on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('recovers from an answer that is not JSON, then follows the valid one', async () => {
    server.enqueue(
      reply.text('I would say billing, probably.'),
      reply.text('{"route": "billing"}'),
      reply.text('refund sent'),
    );
    const prepared = await prepareSpec('router', target);
    const run = await runPrepared(prepared, target, server, { flags: ['--json'] });
    expect(run.code).toBe(0);
    expect(runDocument(run).response).toBe('refund sent');
    expect(server.requests).toHaveLength(3);
    expect(await filesUnder(prepared.out)).toEqual(['route-billing.md']);
  });

  it('fails at once with exit 10 on a route that does not exist, listing the valid routes', async () => {
    server.enqueue(reply.text('{"route": "sales"}'), reply.text('never asked'));
    const prepared = await prepareSpec('router', target);
    const run = await runPrepared(prepared, target, server);
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/Invalid route 'sales'.*Valid routes: 'billing', 'support'/);
    expect(server.requests).toHaveLength(1);
    expect(await filesUnder(prepared.out)).toEqual([]);
  });
});
