import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackServer, reply, type ScriptedReply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  filesUnder,
  type ProviderTarget,
  prepareSpec,
  providerTargets,
  runDocument,
  runPrepared,
} from './reliability-harness.js';

/** The two answers of the chain fixture, as the echo responder gives them. */
const first = 'echo: first: draft';
const second = `echo: second: polish ${first}`;

/**
 * A request waits at most this long for headers (or between chunks) before it fails as a timeout:
 * short, but long enough that a loaded CI runner never times out a server that does answer.
 */
const shortTimeout = { STRANDS_REQUEST_TIMEOUT_S: '1' };

/** A fault the failure policy (2 retries, tiny waits) must absorb. */
interface RecoverableFault {
  readonly name: string;
  readonly faults: (target: ProviderTarget) => ScriptedReply[];
  /** Ask for streamed answers (`--stream`), so the fault hits a stream. */
  readonly stream?: boolean;
  /** The fault is a stall: run with a short request timeout. */
  readonly stalls?: boolean;
}

const recoverable: readonly RecoverableFault[] = [
  { name: 'HTTP 500 then 503', faults: () => [reply.error(500), reply.error(503)] },
  {
    name: 'HTTP 408 then 409',
    // Bedrock names every error; Converse has no 409 of its own, so give it a conflict's name.
    faults: (target) => [reply.error(408), reply.error(409, { errorType: target.errorTypes?.conflict })],
  },
  {
    name: 'a throttling error (Bedrock ThrottlingException, 429 elsewhere)',
    faults: (target) => [reply.error(429, { errorType: target.errorTypes?.throttling })],
  },
  {
    name: 'a throttling exception in the middle of the stream',
    faults: () => [reply.streamError({ afterChunks: 2, errorType: 'throttlingException', message: 'slow' })],
    stream: true,
  },
  { name: 'a connection reset before the response', faults: () => [reply.reset()] },
  { name: 'a stream cut off in the middle', faults: () => [reply.cut({ afterChunks: 2 })], stream: true },
  { name: 'a body cut off in the middle', faults: () => [reply.cut()] },
  { name: 'a server that stalls before answering (timeout)', faults: () => [reply.stall()], stalls: true },
  {
    name: 'a stream that stalls in the middle (timeout)',
    faults: () => [reply.stall({ afterChunks: 1 })],
    stream: true,
    stalls: true,
  },
];

describe.each(providerTargets)('faults on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it.each(recoverable)('recovers from $name without duplicating any output', async (fault) => {
    const faults = fault.faults(target);
    server.enqueue(...faults);
    const prepared = await prepareSpec('chain-two-steps', target);
    const run = await runPrepared(prepared, target, server, {
      flags: ['--json', ...(fault.stream ? ['--stream'] : [])],
      ...(fault.stalls ? { env: shortTimeout } : {}),
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
});
