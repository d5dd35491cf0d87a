import { describe, expect } from 'vitest';
import { drainStream, hello, it, providerFailure, reply } from './__fixtures__/openai-loopback.js';
import { createOpenAIProvider } from './openai-model-provider.js';

describe('errors of createOpenAIProvider against a loopback OpenAI server', () => {
  it('maps 429 with retry-after to a retryable rate-limit error with the wait', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.error(429, { headers: { 'retry-after': '3' } }),
      reply.error(429, { headers: { 'retry-after-ms': '250' } }),
    );
    const first = await providerFailure(provider.generate(hello));
    expect(first).toMatchObject({
      kind: 'rate-limit',
      isRetryable: true,
      retryAfterMs: 3000,
      statusCode: 429,
    });
    const second = await providerFailure(provider.generate(hello));
    expect(second.retryAfterMs).toBe(250);
  });

  it('maps 401 to auth with a hint naming the variable', async ({ server, provider }) => {
    server.enqueue(reply.error(401));
    const error = await providerFailure(provider.generate(hello));
    expect(error).toMatchObject({ kind: 'auth', isRetryable: false, exitCode: 10 });
    expect(error.hint).toMatch(/OPENAI_API_KEY/);
  });

  it('maps 404 to not-found naming the model', async ({ server, provider }) => {
    server.enqueue(reply.error(404));
    const error = await providerFailure(provider.generate({ ...hello, modelId: 'gpt-nope' }));
    expect(error).toMatchObject({ kind: 'not-found', isRetryable: false, modelId: 'gpt-nope' });
    expect(error.message).toMatch(/gpt-nope/);
  });

  it("maps 400 to bad-request with the provider's message", async ({ server, provider }) => {
    server.enqueue(reply.error(400, { message: "Invalid value for 'temperature'" }));
    const error = await providerFailure(provider.generate(hello));
    expect(error).toMatchObject({ kind: 'bad-request', isRetryable: false, statusCode: 400 });
    expect(error.message).toMatch(/Invalid value for 'temperature'/);
  });

  it('maps 500 and 503 to retryable server errors', async ({ server, provider }) => {
    server.enqueue(reply.error(500), reply.error(503));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      isRetryable: true,
      statusCode: 500,
    });
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      statusCode: 503,
    });
  });

  it('maps an exhausted quota (429 insufficient_quota) to a rate-limit that is not retried', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.error(429, { message: 'You exceeded your current quota', errorCode: 'insufficient_quota' }),
    );
    const error = await providerFailure(provider.generate(hello));
    expect(error).toMatchObject({ kind: 'rate-limit', isRetryable: false });
    expect(error.hint).toMatch(/quota/);
  });

  it('maps a reset connection to a retryable network error', async ({ server, provider }) => {
    server.enqueue(reply.reset());
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'network',
      isRetryable: true,
    });
  });

  it('maps a refused connection to a network error naming the endpoint', async ({ server, provider }) => {
    const port = server.port;
    await server.close();
    const error = await providerFailure(provider.generate(hello));
    expect(error.kind).toBe('network');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  it('maps a stalled server to a timeout (headers timeout)', async ({ server }) => {
    const impatient = createOpenAIProvider({
      apiKey: 'k',
      baseURL: server.baseURL,
      timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
    });
    server.enqueue(reply.stall());
    expect(await providerFailure(impatient.generate(hello))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    await impatient.close();
  });

  it('maps a stream that stalls part-way to a timeout', async ({ server }) => {
    const impatient = createOpenAIProvider({
      apiKey: 'k',
      baseURL: server.baseURL,
      timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 200 },
    });
    server.enqueue(reply.stall({ afterChunks: 2 }));
    expect(await providerFailure(drainStream(impatient.stream(hello)))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    await impatient.close();
  });

  it('maps a stream cut off mid-way to a retryable stream-cut', async ({ server, provider }) => {
    server.enqueue(reply.cut({ afterChunks: 2 }));
    expect(await providerFailure(drainStream(provider.stream(hello)))).toMatchObject({
      kind: 'stream-cut',
      isRetryable: true,
    });
  });

  it('maps an error event in the middle of a stream to a retryable server error', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.streamError({ message: 'model overloaded' }));
    const error = await providerFailure(drainStream(provider.stream(hello)));
    expect(error).toMatchObject({ kind: 'server', isRetryable: true });
    expect(error.message).toMatch(/model overloaded/);
  });

  it('maps a body that is not JSON to bad-response, streamed or not', async ({ server, provider }) => {
    server.enqueue(reply.invalidJson(), reply.invalidJson());
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'bad-response',
      isRetryable: false,
    });
    expect(await providerFailure(drainStream(provider.stream(hello)))).toMatchObject({
      kind: 'bad-response',
    });
  });

  it('maps an aborted signal to aborted, and the server sees the request go away', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.stall());
    const controller = new AbortController();
    const pending = provider.generate({ ...hello, signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(await providerFailure(pending)).toMatchObject({ kind: 'aborted', isRetryable: false });
  });
});
