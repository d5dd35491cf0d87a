import { expectAbortedInFlight, expectProviderFailure } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, itImpatient, reply } from './__fixtures__/gemini-loopback.js';

describe('errors of createGeminiProvider against a loopback Gemini server', () => {
  it('maps 429 RESOURCE_EXHAUSTED with retry-after to a retryable rate-limit error with the wait', async ({
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
    expect(error.message).toMatch(/RESOURCE_EXHAUSTED/);
    expect(error.hint).toMatch(/max_parallel/);
  });

  it('maps 503 UNAVAILABLE to a retryable server error that says so', async ({ server, provider }) => {
    server.enqueue(reply.error(503));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'server',
      isRetryable: true,
      statusCode: 503,
    });
    expect(error.message).toMatch(/UNAVAILABLE/);
    expect(error.hint).toMatch(/unavailable or overloaded/);
  });

  it('maps 401, 403 and 400 API_KEY_INVALID to auth with a fix', async ({ server, provider }) => {
    server.enqueue(reply.error(401), reply.error(403));
    const refused = await expectProviderFailure(provider.generate(hello), {
      kind: 'auth',
      isRetryable: false,
      exitCode: 10,
    });
    expect(refused.hint).toMatch(/GEMINI_API_KEY/);
    const denied = await expectProviderFailure(provider.generate(hello), { kind: 'auth', statusCode: 403 });
    expect(denied.message).toMatch(/PERMISSION_DENIED/);
    expect(denied.hint).toMatch(/project and restrictions/);
  });

  it("maps 400 INVALID_ARGUMENT to bad-request with the API's message", async ({ server, provider }) => {
    server.enqueue(reply.error(400, { message: 'maxOutputTokens must be positive' }));
    const error = await expectProviderFailure(provider.generate(hello), {
      kind: 'bad-request',
      isRetryable: false,
      statusCode: 400,
    });
    expect(error.message).toMatch(/INVALID_ARGUMENT: maxOutputTokens must be positive/);
  });

  it('maps 404 to not-found naming the model', async ({ server, provider }) => {
    server.enqueue(reply.error(404));
    const error = await expectProviderFailure(provider.generate({ ...hello, modelId: 'gemini-nope' }), {
      kind: 'not-found',
      modelId: 'gemini-nope',
    });
    expect(error.message).toMatch(/gemini-nope/);
  });

  it('maps a SAFETY finish to a non-retryable error naming the category, streamed or not', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('', { finishReason: 'SAFETY' }), reply.text('', { finishReason: 'SAFETY' }));
    const blocked = await expectProviderFailure(provider.generate(hello), {
      kind: 'bad-request',
      isRetryable: false,
    });
    expect(blocked.message).toMatch(/blocked \(SAFETY: HARM_CATEGORY_DANGEROUS_CONTENT \(HIGH\)\)/);
    expect(blocked.hint).toMatch(/Rephrase/);
    await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'bad-request',
      isRetryable: false,
    });
  });

  it('maps error frames mid-stream by their status: UNAVAILABLE retried, INVALID_ARGUMENT not', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.streamError({ message: 'overloaded', errorType: 'UNAVAILABLE', afterChunks: 2 }),
      reply.streamError({ message: 'bad input', errorType: 'INVALID_ARGUMENT' }),
    );
    const unavailable = await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'server',
      isRetryable: true,
    });
    expect(unavailable.message).toMatch(/in the middle of the answer/);
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
    server.enqueue(reply.cut({ afterChunks: 2 }));
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
