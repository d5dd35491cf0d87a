import { type ModelRequestV1, type ModelStreamPartV1, ProviderCallError } from '@strands-cli/core/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BedrockServer, reply, startBedrockServer } from '../../../tests-e2e/src/servers/index.js';
import { createBedrockProvider } from './bedrock-model-provider.js';

const modelId = 'us.anthropic.claude-3-sonnet-20240229-v1:0';
const hello: ModelRequestV1 = { modelId, messages: [{ role: 'user', content: 'hi' }] };
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

async function drain(parts: AsyncIterable<ModelStreamPartV1>): Promise<ModelStreamPartV1[]> {
  const out: ModelStreamPartV1[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<ProviderCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderCallError);
  return error as ProviderCallError;
}

describe('errors of createBedrockProvider against a loopback Bedrock server', () => {
  let server: BedrockServer;
  let provider: ReturnType<typeof createBedrockProvider>;

  beforeEach(async () => {
    server = await startBedrockServer();
    provider = createBedrockProvider({
      region: 'eu-west-1',
      endpoint: server.url,
      credentials,
      maxConnections: 2,
      timeouts: { connectMs: 2000, headersMs: 2000, bodyMs: 2000 },
    });
  });
  afterEach(async () => {
    await provider.close();
    await server.close();
  });

  it('maps ThrottlingException to rate-limit, before the stream and in the middle of it', async () => {
    server.enqueue(reply.error(429), reply.streamError({ afterChunks: 2, message: 'slow down' }));
    expect(await failure(provider.generate(hello))).toMatchObject({
      kind: 'rate-limit',
      isRetryable: true,
      statusCode: 429,
    });
    const midStream = await failure(drain(provider.stream(hello)));
    expect(midStream).toMatchObject({ kind: 'rate-limit', isRetryable: true });
    expect(midStream.message).toMatch(/slow down/);
  });

  it('maps ServiceUnavailable and InternalServer exceptions to server, also mid-stream', async () => {
    server.enqueue(
      reply.error(503),
      reply.error(500),
      reply.streamError({ errorType: 'serviceUnavailableException', message: 'busy' }),
    );
    expect(await failure(provider.generate(hello))).toMatchObject({ kind: 'server', statusCode: 503 });
    expect(await failure(provider.generate(hello))).toMatchObject({ kind: 'server', statusCode: 500 });
    expect(await failure(drain(provider.stream(hello)))).toMatchObject({ kind: 'server', isRetryable: true });
  });

  it('maps an unnamed 409 (a conflict) to a retryable server error', async () => {
    server.enqueue(reply.error(409, { errorType: 'ConflictException' }));
    expect(await failure(provider.generate(hello))).toMatchObject({ kind: 'server', statusCode: 409 });
  });

  it('maps AccessDenied to auth with a hint naming the variables', async () => {
    server.enqueue(reply.error(403));
    const error = await failure(provider.generate(hello));
    expect(error).toMatchObject({ kind: 'auth', isRetryable: false });
    expect(error.message).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(error.hint).toMatch(/AWS_BEARER_TOKEN_BEDROCK/);
  });

  it('maps ResourceNotFound to not-found naming the model, Validation to bad-request', async () => {
    server.enqueue(reply.error(404), reply.error(400, { message: 'temperature out of range' }));
    const missing = await failure(provider.generate({ ...hello, modelId: 'anthropic.nope-v1:0' }));
    expect(missing).toMatchObject({ kind: 'not-found', modelId: 'anthropic.nope-v1:0' });
    expect(missing.message).toMatch(/anthropic\.nope-v1:0/);
    const bad = await failure(provider.generate(hello));
    expect(bad).toMatchObject({ kind: 'bad-request', isRetryable: false });
    expect(bad.message).toMatch(/temperature out of range/);
  });

  it('maps a reset to network and a cut stream to stream-cut', async () => {
    server.enqueue(reply.reset(), reply.cut({ afterChunks: 2 }));
    expect(await failure(provider.generate(hello))).toMatchObject({ kind: 'network', isRetryable: true });
    expect(await failure(drain(provider.stream(hello)))).toMatchObject({
      kind: 'stream-cut',
      isRetryable: true,
    });
  });

  it('maps stalls to timeouts, before the response and between frames', async () => {
    const impatient = createBedrockProvider({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
    });
    server.enqueue(reply.stall(), reply.stall({ afterChunks: 2 }));
    expect(await failure(impatient.generate(hello))).toMatchObject({ kind: 'timeout', isRetryable: true });
    expect(await failure(drain(impatient.stream(hello)))).toMatchObject({
      kind: 'timeout',
      isRetryable: true,
    });
    await impatient.close();
  });

  it('maps a Converse body cut off or stalled half-way to retryable stream-cut and timeout', async () => {
    const impatient = createBedrockProvider({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 },
    });
    server.enqueue(reply.cut(), reply.stall({ afterChunks: 1 }));
    const cut = await failure(impatient.generate(hello));
    expect(cut).toMatchObject({ kind: 'stream-cut', isRetryable: true });
    expect(cut.message).not.toMatch(/hidden field/);
    expect(await failure(impatient.generate(hello))).toMatchObject({ kind: 'timeout', isRetryable: true });
    await impatient.close();
  });

  it('maps a body that is not JSON to bad-response', async () => {
    server.enqueue(reply.invalidJson());
    expect(await failure(provider.generate(hello))).toMatchObject({
      kind: 'bad-response',
      isRetryable: false,
    });
  });

  it('maps an aborted signal to aborted', async () => {
    server.enqueue(reply.stall());
    const controller = new AbortController();
    const pending = provider.generate({ ...hello, signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ kind: 'aborted', isRetryable: false });
  });
});
