import { expectProviderFailure } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { credentials, drainStream, hello, it, reply } from './__fixtures__/bedrock-loopback.js';
import { createBedrockProvider } from './bedrock-model-provider.js';

/** A cap far below the default, so a flood passes it at once. */
const cap = 256 * 1024;

/** What a flood may hand the sockets beyond the cap before the client drops the connection. */
const socketSlack = 32 * 1024 * 1024;

function limited(url: string, limits: { callDeadlineMs: number; maxResponseBytes: number }) {
  return createBedrockProvider({ region: 'us-east-1', endpoint: url, credentials, limits });
}

const calls = [
  { name: 'Converse', stream: false },
  { name: 'ConverseStream', stream: true },
] as const;

describe('Bedrock response limits', () => {
  for (const { name, stream } of calls) {
    it(`fails a ${name} body over the size cap at once, not retryable, and drops the connection`, async ({
      server,
    }) => {
      server.enqueue(reply.flood());
      const provider = limited(server.url, { callDeadlineMs: 60_000, maxResponseBytes: cap });
      const error = await expectProviderFailure(
        stream ? drainStream(provider.stream(hello)) : provider.generate(hello),
        { kind: 'bad-response', isRetryable: false },
      );
      expect(error.message).toBe(`The bedrock response is larger than the cap of ${cap} bytes`);
      expect(error.hint).toContain('STRANDS_MAX_RESPONSE_BYTES');
      await provider.close();
      await server.waitForConnectionsClosed();
      expect(server.stats().bytesWritten).toBeLessThan(cap + socketSlack);
    });
  }

  for (const { name, stream } of calls) {
    it(`ends a ${name} body that trickles at the call deadline, as a retryable timeout`, async ({
      server,
    }) => {
      server.enqueue(reply.flood({ chunkBytes: 1, intervalMs: 50 }));
      const provider = limited(server.url, { callDeadlineMs: 500, maxResponseBytes: cap });
      const error = await expectProviderFailure(
        stream ? drainStream(provider.stream(hello)) : provider.generate(hello),
        { kind: 'timeout', isRetryable: true },
      );
      expect(error.message).toBe('The bedrock call did not finish within its deadline of 0.5 s');
      expect(error.hint).toContain('STRANDS_CALL_DEADLINE_S');
      await provider.close();
      await server.waitForConnectionsClosed();
    });
  }

  it('still reports a cancelled call as cancelled, not as a deadline', async ({ server }) => {
    server.enqueue(reply.flood({ chunkBytes: 1, intervalMs: 50 }));
    const provider = limited(server.url, { callDeadlineMs: 60_000, maxResponseBytes: cap });
    const controller = new AbortController();
    const call = provider.generate({ ...hello, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expectProviderFailure(call, { kind: 'aborted' });
    await provider.close();
  });

  it('answers normally within both limits', async ({ server }) => {
    server.enqueue(reply.text('Hello'));
    const provider = limited(server.url, { callDeadlineMs: 60_000, maxResponseBytes: cap });
    const response = await provider.generate(hello);
    expect(response.text).toBe('Hello');
    await provider.close();
  });
});
