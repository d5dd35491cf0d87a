import { expectAbortedInFlight, expectProviderFailure } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, itImpatient, reply } from './__fixtures__/openai-loopback.js';

describe('errors of createOpenAIProvider against a loopback OpenAI server', () => {
  it('maps 429 with retry-after to a retryable rate-limit error with the wait', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.error(429, { headers: { 'retry-after': '3' } }),
      reply.error(429, { headers: { 'retry-after-ms': '250' } }),
    );
    await expectProviderFailure(provider.generate(hello), {
      kind: 'rate-limit',
      isRetryable: true,
      retryAfterMs: 3000,
      statusCode: 429,
    });
    await expectProviderFailure(provider.generate(hello), { retryAfterMs: 250 });
  });

  it('maps 401 to auth with a hint naming the variable', async ({ server, provider }) => {
    server.enqueue(reply.error(401));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'auth',
      isRetryable: false,
      exitCode: 10,
    });
    expect(error.hint).toMatch(/OPENAI_API_KEY/);
  });

  it('maps 404 to not-found naming the model', async ({ server, provider }) => {
    server.enqueue(reply.error(404));
    const error = await expectProviderFailure(provider.generate({ ...hello, modelId: 'gpt-nope' }), {
      kind: 'not-found',
      isRetryable: false,
      modelId: 'gpt-nope',
    });
    expect(error.message).toMatch(/gpt-nope/);
  });

  it("maps 400 to bad-request with the provider's message", async ({ server, provider }) => {
    server.enqueue(reply.error(400, { message: "Invalid value for 'temperature'" }));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'bad-request',
      isRetryable: false,
      statusCode: 400,
    });
    expect(error.message).toMatch(/Invalid value for 'temperature'/);
  });

  it('maps 500 and 503 to retryable server errors', async ({ server, provider }) => {
    server.enqueue(reply.error(500), reply.error(503));
    await expectProviderFailure(provider.generate(hello), {
      kind: 'server',
      isRetryable: true,
      statusCode: 500,
    });
    await expectProviderFailure(provider.generate(hello), { kind: 'server', statusCode: 503 });
  });

  it('maps an exhausted quota (429 insufficient_quota) to a rate-limit that is not retried', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.error(429, { message: 'You exceeded your current quota', errorCode: 'insufficient_quota' }),
    );
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'rate-limit',
      isRetryable: false,
    });
    expect(error.hint).toMatch(/quota/);
  });

  it('maps a reset connection to a retryable network error', async ({ server, provider }) => {
    server.enqueue(reply.reset());
    await expectProviderFailure(provider.generate(hello), { kind: 'network', isRetryable: true });
  });

  it('maps a refused connection to one "nothing listens" failure naming the endpoint', async ({
    server,
    provider,
  }) => {
    const port = server.port;
    await server.close();
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'network',
      isRetryable: false,
    });
    expect(error.message).toContain('Nothing listens at');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  itImpatient('maps a stalled server to a timeout (headers timeout)', async ({ server, provider }) => {
    server.enqueue(reply.stall());
    await expectProviderFailure(provider.generate(hello), { kind: 'timeout', isRetryable: true });
  });

  itImpatient('maps a stream that stalls part-way to a timeout', async ({ server, provider }) => {
    server.enqueue(reply.stall({ afterChunks: 2 }));
    await expectProviderFailure(drainStream(provider.stream(hello)), { kind: 'timeout', isRetryable: true });
  });

  it('maps a stream cut off mid-way to a retryable stream-cut', async ({ server, provider }) => {
    server.enqueue(reply.cut({ afterChunks: 2 }));
    await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'stream-cut',
      isRetryable: true,
    });
  });

  it('maps an error event in the middle of a stream to a retryable server error', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.streamError({ message: 'model overloaded' }));
    const error = await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'server',
      isRetryable: true,
    });
    expect(error.message).toMatch(/model overloaded/);
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
