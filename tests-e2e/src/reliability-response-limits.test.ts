import { type LoopbackServer, reply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder, prepareSpec, providerTargets, runDocument, runPrepared } from './reliability-harness.js';

/** A cap far below the default, so a flood reaches it at once. */
const cap = 1024 * 1024;

/**
 * What a flood may have handed to the sockets beyond the cap before the client dropped the connection:
 * the kernel's send and receive buffers of a loopback connection (a few MiB) and one chunk. An
 * unbounded client reads until the harness kills it, hundreds of MiB later.
 */
const socketSlack = 32 * 1024 * 1024;

// The fetch-based providers share the bounded transport; one test per provider proves the wiring.
const targets = providerTargets.filter((target) => target.boundedFetch);

describe.each(targets)('response limits on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it('fails a response body larger than the cap at once, without retrying, reading at most the cap', async () => {
    server.enqueue(reply.flood());
    const prepared = await prepareSpec('chain-two-steps', target);
    const run = await runPrepared(prepared, target, server, {
      flags: ['--json'],
      env: { STRANDS_MAX_RESPONSE_BYTES: String(cap) },
    });
    expect(run.code).toBe(10);
    const result = runDocument(run);
    expect(result.error?.message).toContain(`larger than the cap of ${cap} bytes`);
    expect(result.error?.hint).toContain('STRANDS_MAX_RESPONSE_BYTES');
    expect(server.requests).toHaveLength(1);
    expect(server.stats().bytesWritten).toBeLessThan(cap + socketSlack);
    expect(await filesUnder(prepared.out)).toEqual([]);
    await server.waitForConnectionsClosed();
  });

  it.each([
    { name: 'a body that trickles one byte at a time', flags: [] as string[] },
    { name: 'a stream of keep-alive pings that never ends', flags: ['--stream'] },
  ])('ends $name at the call deadline, as a retryable timeout', async ({ flags }) => {
    for (let i = 0; i < 3; i++) server.enqueue(reply.flood({ chunkBytes: 1, intervalMs: 100 }));
    const prepared = await prepareSpec('chain-two-steps', target);
    const run = await runPrepared(prepared, target, server, {
      flags: ['--json', ...flags],
      env: { STRANDS_CALL_DEADLINE_S: '1' },
    });
    expect(run.code).toBe(10);
    const result = runDocument(run);
    expect(result.error?.message).toContain('did not finish within its deadline of 1 s');
    expect(result.error?.hint).toContain('STRANDS_CALL_DEADLINE_S');
    // Retryable: the first attempt and the policy's two retries, each cut at its deadline.
    expect(server.requests).toHaveLength(3);
    expect(await filesUnder(prepared.out)).toEqual([]);
    await server.waitForConnectionsClosed();
  });
});
