import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  filesUnder,
  prepareSpec,
  providerDisplayName,
  providerTargets,
  runDocument,
  runPrepared,
} from './reliability-harness.js';
import { type LoopbackServer, reply, type ScriptedReply } from './servers/index.js';

/** The two answers of the chain fixture, as the echo responder gives them. */
const first = 'echo: first: draft';
const second = `echo: second: polish ${first}`;

/** A request waits at most this long for headers (or between chunks) before it fails as a timeout. */
const shortTimeout = { STRANDS_REQUEST_TIMEOUT_S: '0.3' };

/** A fault the failure policy (2 retries, tiny waits) must absorb. */
interface RecoverableFault {
  readonly name: string;
  readonly faults: (id: string) => ScriptedReply[];
  /** Ask for streamed answers (`--stream`), so the fault hits a stream. */
  readonly stream?: boolean;
}

const recoverable: readonly RecoverableFault[] = [
  { name: 'HTTP 500 then 503', faults: () => [reply.error(500), reply.error(503)] },
  {
    name: 'a throttling error (Bedrock ThrottlingException, 429 elsewhere)',
    faults: (id) => [reply.error(429, id === 'bedrock' ? { errorType: 'ThrottlingException' } : {})],
  },
  {
    name: 'a throttling exception in the middle of the stream',
    faults: () => [reply.streamError({ afterChunks: 2, errorType: 'throttlingException', message: 'slow' })],
    stream: true,
  },
  { name: 'a connection reset before the response', faults: () => [reply.reset()] },
  { name: 'a stream cut off in the middle', faults: () => [reply.cut({ afterChunks: 2 })], stream: true },
  { name: 'a body cut off in the middle', faults: () => [reply.cut()] },
  { name: 'a server that stalls before answering (timeout)', faults: () => [reply.stall()] },
  {
    name: 'a stream that stalls in the middle (timeout)',
    faults: () => [reply.stall({ afterChunks: 1 })],
    stream: true,
  },
];

describe.each(providerTargets)('faults on $id, through the built CLI', (target) => {
  const provider = providerDisplayName[target.id];
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it.each(recoverable)('recovers from $name without duplicating any output', async (fault) => {
    const faults = fault.faults(target.id);
    server.enqueue(...faults);
    const prepared = await prepareSpec('chain-two-steps', target);
    const run = await runPrepared(prepared, target, server, {
      flags: ['--json', ...(fault.stream ? ['--stream'] : [])],
      env: shortTimeout,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = runDocument(run);
    expect(result.response).toBe(second);
    expect(result.steps?.map((step) => step.response)).toEqual([first, second]);
    expect(result.counts).toMatchObject({ retries: faults.length, requests: 2 + faults.length });
    expect(server.requests).toHaveLength(2 + faults.length);
    // The artifact holds each step's answer exactly once, whatever the failed attempts sent.
    expect(await readFile(join(prepared.out, 'result.md'), 'utf8')).toBe(`${first}\n${second}\n\n`);
    expect(await filesUnder(prepared.out)).toEqual(['result.md']);
    await server.waitForConnectionsClosed();
  });

  it("honours a 429's Retry-After over the backoff schedule, then succeeds", async () => {
    server.enqueue(reply.error(429, { headers: { 'retry-after': '1' } }));
    const prepared = await prepareSpec('chain-two-steps', target);
    const run = await runPrepared(prepared, target, server);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${second}\n`);
    // wait_max is 0.05 s: a one-second wait can only come from the server's Retry-After.
    expect(run.stderr).toMatch(new RegExp(`↻ step 1 · ${target.id}: .*429.*; attempt 2 of 3 in 1\\.00s`));
    expect(server.requests).toHaveLength(3);
  });

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
});

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
