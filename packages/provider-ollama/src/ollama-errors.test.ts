import { expectProviderFailure } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, itImpatient, reply } from './__fixtures__/ollama-loopback.js';

describe('errors of createOllamaProvider against a loopback Ollama server', () => {
  it('maps 404 to not-found naming the model and how to pull it', async ({ server, provider }) => {
    server.enqueue(reply.error(404));
    const error = await expectProviderFailure(provider.generate({ ...hello, modelId: 'mistery' }), {
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
    await expectProviderFailure(provider.generate(hello), {
      kind: 'rate-limit',
      isRetryable: true,
      retryAfterMs: 2000,
    });
  });

  it('maps 500 to server, 400 to bad-request with the message, 403 to auth', async ({ server, provider }) => {
    server.enqueue(reply.error(500), reply.error(400, { message: 'invalid options' }), reply.error(403));
    await expectProviderFailure(provider.generate(hello), { kind: 'server', isRetryable: true });
    const bad = await expectProviderFailure(provider.generate(hello), {
      kind: 'bad-request',
      isRetryable: false,
    });
    expect(bad.message).toMatch(/invalid options/);
    await expectProviderFailure(provider.generate(hello), { kind: 'auth', isRetryable: false });
  });

  it('maps 409 (a conflict) to a retryable server error', async ({ server, provider }) => {
    server.enqueue(reply.error(409));
    await expectProviderFailure(provider.generate(hello), { kind: 'server', isRetryable: true });
  });

  it('maps an error line in the middle of a stream to a retryable server error', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.streamError({ message: 'CUDA out of memory' }));
    const error = await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'server',
      isRetryable: true,
    });
    expect(error.message).toMatch(/CUDA out of memory/);
  });

  it('maps a cut stream to stream-cut and a reset to network', async ({ server, provider }) => {
    server.enqueue(reply.cut({ afterChunks: 2 }), reply.reset());
    await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'stream-cut',
      isRetryable: true,
    });
    await expectProviderFailure(provider.generate(hello), { kind: 'network', isRetryable: true });
  });

  it('maps a refused connection to one "nothing listens" failure, not retried', async ({
    server,
    provider,
  }) => {
    await server.close();
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'network',
      isRetryable: false,
    });
    expect(error.message).toMatch(/^Nothing listens at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)$/);
    expect(error.hint).toMatch(/ollama serve/);
  });

  itImpatient(
    'maps stalls to timeouts, before the headers and between chunks',
    async ({ server, provider }) => {
      server.enqueue(reply.stall(), reply.stall({ afterChunks: 1 }));
      await expectProviderFailure(provider.generate(hello), { kind: 'timeout', isRetryable: true });
      await expectProviderFailure(drainStream(provider.stream(hello)), { kind: 'timeout' });
    },
  );

  it('maps a body that is not JSON to bad-response, streamed or not', async ({ server, provider }) => {
    server.enqueue(reply.invalidJson(), reply.invalidJson());
    await expectProviderFailure(provider.generate(hello), { kind: 'bad-response', isRetryable: false });
    await expectProviderFailure(drainStream(provider.stream(hello)), { kind: 'bad-response' });
  });
});
