import { describe, expect } from 'vitest';
import { drainStream, hello, it, providerFailure, reply } from './__fixtures__/ollama-loopback.js';
import { createOllamaProvider } from './ollama-model-provider.js';

describe('errors of createOllamaProvider against a loopback Ollama server', () => {
  it('maps 404 to not-found naming the model and how to pull it', async ({ server, provider }) => {
    server.enqueue(reply.error(404));
    const error = await providerFailure(provider.generate({ ...hello, modelId: 'mistery' }));
    expect(error).toMatchObject({
      kind: 'not-found',
      isRetryable: false,
      modelId: 'mistery',
      statusCode: 404,
    });
    expect(error.message).toMatch(/mistery/);
    expect(error.hint).toMatch(/ollama pull mistery/);
  });

  it('maps 429 with retry-after (read from the response headers) to rate-limit', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.error(429, { headers: { 'retry-after': '2' } }));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'rate-limit',
      isRetryable: true,
      retryAfterMs: 2000,
    });
  });

  it('maps 500 to server, 400 to bad-request with the message, 403 to auth', async ({ server, provider }) => {
    server.enqueue(reply.error(500), reply.error(400, { message: 'invalid options' }), reply.error(403));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      isRetryable: true,
    });
    const bad = await providerFailure(provider.generate(hello));
    expect(bad).toMatchObject({ kind: 'bad-request', isRetryable: false });
    expect(bad.message).toMatch(/invalid options/);
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'auth',
      isRetryable: false,
    });
  });

  it('maps 409 (a conflict) to a retryable server error', async ({ server, provider }) => {
    server.enqueue(reply.error(409));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      isRetryable: true,
    });
  });

  it('maps an error line in the middle of a stream to a retryable server error', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.streamError({ message: 'CUDA out of memory' }));
    const error = await providerFailure(drainStream(provider.stream(hello)));
    expect(error).toMatchObject({ kind: 'server', isRetryable: true });
    expect(error.message).toMatch(/CUDA out of memory/);
  });

  it('maps a cut stream to stream-cut and a reset to network', async ({ server, provider }) => {
    server.enqueue(reply.cut({ afterChunks: 2 }), reply.reset());
    expect(await providerFailure(drainStream(provider.stream(hello)))).toMatchObject({
      kind: 'stream-cut',
      isRetryable: true,
    });
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'network',
      isRetryable: true,
    });
  });

  it('maps a refused connection to network with a hint to start Ollama', async ({ server, provider }) => {
    await server.close();
    const error = await providerFailure(provider.generate(hello));
    expect(error.kind).toBe('network');
    expect(error.hint).toMatch(/ollama serve/);
  });

  it('maps stalls to timeouts, before the headers and between chunks', async ({ server }) => {
    const impatient = createOllamaProvider({
      host: server.url,
      timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
    });
    server.enqueue(reply.stall(), reply.stall({ afterChunks: 1 }));
    expect(await providerFailure(impatient.generate(hello))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    expect(await providerFailure(drainStream(impatient.stream(hello)))).toMatchObject({ kind: 'timeout' });
    await impatient.close();
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
});
