import { expectAbortedInFlight, expectProviderFailure } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, itImpatient, reply } from './__fixtures__/bedrock-loopback.js';

describe('errors of createBedrockProvider against a loopback Bedrock server', () => {
  it('maps ThrottlingException to rate-limit, before the stream and in the middle of it', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.error(429), reply.streamError({ afterChunks: 2, message: 'slow down' }));
    const rateLimit = { kind: 'rate-limit', isRetryable: true };
    await expectProviderFailure(provider.generate(hello), { ...rateLimit, statusCode: 429 });
    const midStream = await expectProviderFailure(drainStream(provider.stream(hello)), rateLimit);
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
    await expectProviderFailure(provider.generate(hello), { kind: 'server', statusCode: 503 });
    await expectProviderFailure(provider.generate(hello), { kind: 'server', statusCode: 500 });
    await expectProviderFailure(drainStream(provider.stream(hello)), { kind: 'server', isRetryable: true });
  });

  it('maps an unnamed 409 (a conflict) to a retryable server error', async ({ server, provider }) => {
    server.enqueue(reply.error(409, { errorType: 'ConflictException' }));
    await expectProviderFailure(provider.generate(hello), { kind: 'server', statusCode: 409 });
  });

  it('maps AccessDenied to auth with a hint naming the variables', async ({ server, provider }) => {
    server.enqueue(reply.error(403));
    const error = await expectProviderFailure(provider.generate(hello), { kind: 'auth', isRetryable: false });
    expect(error.message).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(error.hint).toMatch(/AWS_BEARER_TOKEN_BEDROCK/);
  });

  it('maps ResourceNotFound to not-found naming the model, Validation to bad-request', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.error(404), reply.error(400, { message: 'temperature out of range' }));
    const modelId = 'anthropic.nope-v1:0';
    const missing = await expectProviderFailure(provider.generate({ ...hello, modelId }), {
      kind: 'not-found',
      modelId,
    });
    expect(missing.message).toMatch(/anthropic\.nope-v1:0/);
    const bad = await expectProviderFailure(provider.generate(hello), {
      kind: 'bad-request',
      isRetryable: false,
    });
    expect(bad.message).toMatch(/temperature out of range/);
  });

  it('maps a reset to network and a cut stream to stream-cut', async ({ server, provider }) => {
    server.enqueue(reply.reset(), reply.cut({ afterChunks: 2 }));
    await expectProviderFailure(provider.generate(hello), { kind: 'network', isRetryable: true });
    await expectProviderFailure(drainStream(provider.stream(hello)), {
      kind: 'stream-cut',
      isRetryable: true,
    });
  });

  itImpatient(
    'maps stalls to timeouts, before the response and between frames',
    async ({ server, provider }) => {
      server.enqueue(reply.stall(), reply.stall({ afterChunks: 2 }));
      await expectProviderFailure(provider.generate(hello), { kind: 'timeout', isRetryable: true });
      await expectProviderFailure(drainStream(provider.stream(hello)), {
        kind: 'timeout',
        isRetryable: true,
      });
    },
  );

  itImpatient(
    'maps a Converse body cut off or stalled half-way to retryable stream-cut and timeout',
    async ({ server, provider }) => {
      server.enqueue(reply.cut(), reply.stall({ afterChunks: 1 }));
      const cut = await expectProviderFailure(provider.generate(hello), {
        kind: 'stream-cut',
        isRetryable: true,
      });
      expect(cut.message).not.toMatch(/hidden field/);
      await expectProviderFailure(provider.generate(hello), { kind: 'timeout', isRetryable: true });
    },
  );

  it('maps a body that is not JSON to bad-response', async ({ server, provider }) => {
    server.enqueue(reply.invalidJson());
    await expectProviderFailure(provider.generate(hello), { kind: 'bad-response', isRetryable: false });
  });

  it('maps an aborted signal to aborted', async ({ server, provider }) => {
    server.enqueue(reply.stall());
    await expectAbortedInFlight(server, (signal) => provider.generate({ ...hello, signal }));
  });
});
