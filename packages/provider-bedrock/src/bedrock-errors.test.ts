import { describe, expect } from 'vitest';
import {
  credentials,
  drainStream,
  hello,
  it,
  providerFailure,
  reply,
} from './__fixtures__/bedrock-loopback.js';
import { createBedrockProvider } from './bedrock-model-provider.js';

describe('errors of createBedrockProvider against a loopback Bedrock server', () => {
  it('maps ThrottlingException to rate-limit, before the stream and in the middle of it', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.error(429), reply.streamError({ afterChunks: 2, message: 'slow down' }));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'rate-limit',
      isRetryable: true,
      statusCode: 429,
    });
    const midStream = await providerFailure(drainStream(provider.stream(hello)));
    expect(midStream).toMatchObject({ kind: 'rate-limit', isRetryable: true });
    expect(midStream.message).toMatch(/slow down/);
  });

  it('maps ServiceUnavailable and InternalServer exceptions to server, also mid-stream', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.error(503),
      reply.error(500),
      reply.streamError({ errorType: 'serviceUnavailableException', message: 'busy' }),
    );
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      statusCode: 503,
    });
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      statusCode: 500,
    });
    expect(await providerFailure(drainStream(provider.stream(hello)))).toMatchObject({
      kind: 'server',
      isRetryable: true,
    });
  });

  it('maps an unnamed 409 (a conflict) to a retryable server error', async ({ server, provider }) => {
    server.enqueue(reply.error(409, { errorType: 'ConflictException' }));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'server',
      statusCode: 409,
    });
  });

  it('maps AccessDenied to auth with a hint naming the variables', async ({ server, provider }) => {
    server.enqueue(reply.error(403));
    const error = await providerFailure(provider.generate(hello));
    expect(error).toMatchObject({ kind: 'auth', isRetryable: false });
    expect(error.message).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(error.hint).toMatch(/AWS_BEARER_TOKEN_BEDROCK/);
  });

  it('maps ResourceNotFound to not-found naming the model, Validation to bad-request', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.error(404), reply.error(400, { message: 'temperature out of range' }));
    const missing = await providerFailure(provider.generate({ ...hello, modelId: 'anthropic.nope-v1:0' }));
    expect(missing).toMatchObject({ kind: 'not-found', modelId: 'anthropic.nope-v1:0' });
    expect(missing.message).toMatch(/anthropic\.nope-v1:0/);
    const bad = await providerFailure(provider.generate(hello));
    expect(bad).toMatchObject({ kind: 'bad-request', isRetryable: false });
    expect(bad.message).toMatch(/temperature out of range/);
  });

  it('maps a reset to network and a cut stream to stream-cut', async ({ server, provider }) => {
    server.enqueue(reply.reset(), reply.cut({ afterChunks: 2 }));
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'network',
      isRetryable: true,
    });
    expect(await providerFailure(drainStream(provider.stream(hello)))).toMatchObject({
      kind: 'stream-cut',
      isRetryable: true,
    });
  });

  it('maps stalls to timeouts, before the response and between frames', async ({ server }) => {
    const impatient = createBedrockProvider({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
    });
    server.enqueue(reply.stall(), reply.stall({ afterChunks: 2 }));
    expect(await providerFailure(impatient.generate(hello))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    expect(await providerFailure(drainStream(impatient.stream(hello)))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    await impatient.close();
  });

  it('maps a Converse body cut off or stalled half-way to retryable stream-cut and timeout', async ({
    server,
  }) => {
    const impatient = createBedrockProvider({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
    });
    server.enqueue(reply.cut(), reply.stall({ afterChunks: 1 }));
    const cut = await providerFailure(impatient.generate(hello));
    expect(cut).toMatchObject({ kind: 'stream-cut', isRetryable: true });
    expect(cut.message).not.toMatch(/hidden field/);
    expect(await providerFailure(impatient.generate(hello))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    await impatient.close();
  });

  it('maps a body that is not JSON to bad-response', async ({ server, provider }) => {
    server.enqueue(reply.invalidJson());
    expect(await providerFailure(provider.generate(hello))).toMatchObject({
      kind: 'bad-response',
      isRetryable: false,
    });
  });

  it('maps an aborted signal to aborted', async ({ server, provider }) => {
    server.enqueue(reply.stall());
    const controller = new AbortController();
    const pending = provider.generate({ ...hello, signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(await providerFailure(pending)).toMatchObject({ kind: 'aborted', isRetryable: false });
  });
});
