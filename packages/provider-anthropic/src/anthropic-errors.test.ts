import { expectAbortedInFlight, expectProviderFailure } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, itImpatient, reply } from './__fixtures__/anthropic-loopback.js';

describe('errors of createAnthropicProvider against a loopback Anthropic server', () => {
  it('maps 429 with retry-after to a retryable rate-limit error with the wait', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.error(429, { headers: { 'retry-after': '3' } }));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'rate-limit',
      isRetryable: true,
      retryAfterMs: 3000,
      statusCode: 429,
    });
    expect(error.hint).toMatch(/max_parallel/);
  });

  it('maps 529 overloaded to a retryable server error that says so', async ({ server, provider }) => {
    server.enqueue(reply.error(529));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'server',
      isRetryable: true,
      statusCode: 529,
    });
    expect(error.message).toMatch(/overloaded/);
    expect(error.hint).toMatch(/overloaded/);
  });

  it('maps 401 and 403 to auth with a fix', async ({ server, provider }) => {
    server.enqueue(reply.error(401), reply.error(403));
    const refused = await expectProviderFailure(provider.generate(hello), {
      kind: 'auth',
      isRetryable: false,
      exitCode: 10,
    });
    expect(refused.hint).toMatch(/ANTHROPIC_API_KEY/);
    const denied = await expectProviderFailure(provider.generate(hello), { kind: 'auth', statusCode: 403 });
    expect(denied.hint).toMatch(/permission/);
  });

  it("maps 400 invalid_request_error to bad-request with the API's message", async ({ server, provider }) => {
    server.enqueue(reply.error(400, { message: 'max_tokens: must be at most 8192' }));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'bad-request',
      isRetryable: false,
      statusCode: 400,
    });
    expect(error.message).toMatch(/max_tokens: must be at most 8192/);
  });

  it('maps 404 to not-found naming the model', async ({ server, provider }) => {
    server.enqueue(reply.error(404));
    const error = await expectProviderFailure(provider.generate({ ...hello, modelId: 'claude-nope' }), {
      kind: 'not-found',
      modelId: 'claude-nope',
    });
    expect(error.message).toMatch(/claude-nope/);
  });

  it('maps error events mid-stream by their type: overloaded retried, invalid request not', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.streamError({ message: 'Overloaded', errorType: 'overloaded_error', afterChunks: 3 }),
      reply.streamError({ message: 'bad input', errorType: 'invalid_request_error' }),
    );
    const overloaded = await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'server',
      isRetryable: true,
    });
    expect(overloaded.message).toMatch(/Overloaded/);
    await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'bad-request',
      isRetryable: false,
    });
  });

  it('maps a reset connection to a retryable network error', async ({ server, provider }) => {
    server.enqueue(reply.reset());
    await expectProviderFailure(provider.generate(hello), { kind: 'network', isRetryable: true });
  });

  it('maps a refused connection to one "nothing listens" failure', async ({ server, provider }) => {
    await server.close();
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'network',
      isRetryable: false,
    });
    expect(error.message).toContain('Nothing listens at');
  });

  itImpatient('maps a stalled server to a timeout (headers timeout)', async ({ server, provider }) => {
    server.enqueue(reply.stall());
    await expectProviderFailure(provider.generate(hello), { kind: 'timeout', isRetryable: true });
  });

  it('maps a stream cut off mid-way to a retryable stream-cut', async ({ server, provider }) => {
    server.enqueue(reply.cut({ afterChunks: 3 }));
    await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'stream-cut',
      isRetryable: true,
    });
  });

  it('maps a body that is not JSON to bad-response, streamed or not', async ({ server, provider }) => {
    server.enqueue(reply.invalidJson(), reply.invalidJson());
    await expectProviderFailure(provider.generate(hello), { kind: 'bad-response', isRetryable: false });
    await expectProviderFailure(drainStream(provider.stream(hello)), { kind: 'bad-response' });
  });

  it('maps an aborted signal to aborted, and the server sees the request go away', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.stall());
    await expectAbortedInFlight(server, (signal) => provider.generate({ ...hello, signal }));
  });
});
