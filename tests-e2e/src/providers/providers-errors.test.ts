import { type LoopbackServer, reply, type ScriptedReply } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ProviderTarget, providerTargets, runFixture } from './provider-targets.js';

/** One failure scenario: what the server does, and what the user must see. */
interface ErrorCase {
  readonly name: string;
  readonly replies: (target: ProviderTarget) => ScriptedReply[];
  readonly flags?: readonly string[];
  /** Matches stderr (message and fix). */
  readonly stderr: (target: ProviderTarget) => RegExp[];
}

const modelIdPattern = /model '[^']+'/;

const cases: readonly ErrorCase[] = [
  {
    name: 'rate limit (429 with Retry-After)',
    replies: () => [reply.error(429, { headers: { 'retry-after': '1' } })],
    stderr: () => [/rate limit|busy|throttled/i, /fix: .*max_parallel/],
  },
  {
    name: 'server error (503)',
    replies: () => [reply.error(503)],
    stderr: () => [/server error|failed for model|ServiceUnavailable/i],
  },
  {
    name: 'connection reset',
    replies: () => [reply.reset()],
    stderr: () => [/closed the connection before answering/],
  },
  {
    name: 'stream cut off mid-way',
    replies: () => [reply.cut({ afterChunks: 2 })],
    flags: ['--stream'],
    stderr: () => [/cut off/],
  },
  {
    name: 'error inside the stream',
    replies: () => [reply.streamError({ afterChunks: 2, message: 'overloaded half-way' })],
    flags: ['--stream'],
    stderr: () => [/overloaded half-way/],
  },
  {
    name: 'credentials refused (401/403)',
    replies: (target) => [reply.error(target.authFailureStatus)],
    stderr: (target) => [/refused/, new RegExp(`fix: .*${target.credentialHint.source}`)],
  },
  {
    name: 'unknown model (404)',
    replies: () => [reply.error(404)],
    stderr: () => [modelIdPattern, /not found|has no model/, /fix: /],
  },
  {
    name: "bad request (400) with the provider's message",
    replies: () => [reply.error(400, { message: 'max_tokens is too large for this model' })],
    stderr: () => [/rejected the request/, /max_tokens is too large for this model/],
  },
  {
    name: 'a body that is not JSON',
    replies: () => [reply.invalidJson()],
    stderr: () => [/not valid JSON|could not be read/],
  },
];

describe.each(providerTargets)('provider errors on $id, through the built CLI', (target) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await target.start();
  });
  afterEach(() => server.close());

  it.each(cases)('$name: exit 10, a message that says what happened, no stack trace', async (errorCase) => {
    server.enqueue(...errorCase.replies(target));
    const run = await runFixture(target, server, 'one-step', errorCase.flags ?? []);
    expect(run.code).toBe(10);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Error: step 1 \(agent 'solo'\) failed: /);
    for (const pattern of errorCase.stderr(target)) expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // retries: 0 in the spec, and the SDK's own retries are off: exactly one request.
    expect(server.requests).toHaveLength(1);
    await server.waitForConnectionsClosed();
  });

  it('retries a 429 after its Retry-After and succeeds (failure_policy.retries: 1)', async () => {
    server.enqueue(reply.error(429, { headers: { 'retry-after': '0' } }), reply.text('recovered'));
    const run = await runFixture(target, server, 'retry-once');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('recovered');
    expect(server.requests).toHaveLength(2);
  });

  it('stops a stalled request on SIGINT: exit 130, and the server sees the connection close', async () => {
    server.enqueue(reply.stall());
    const run = await runFixture(target, server, 'one-step', [], (child) => {
      const poll = setInterval(() => {
        if (server.requests.length > 0) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 10);
      child.on('exit', () => clearInterval(poll));
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(130);
    await server.waitForConnectionsClosed();
  });
});
