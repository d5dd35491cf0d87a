import http from 'node:http';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BedrockServer, reply, startBedrockServer } from './index.js';

const credentials = { accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'loopback' };
const modelId = 'us.anthropic.claude-3-sonnet-20240229-v1:0';
const hi = { modelId, messages: [{ role: 'user' as const, content: [{ text: 'hi' }] }] };

async function collect(stream: AsyncIterable<ConverseStreamOutput> | undefined) {
  const events: ConverseStreamOutput[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

describe('the loopback Bedrock server, driven by the AWS SDK', () => {
  let server: BedrockServer;
  let agent: http.Agent;
  let client: BedrockRuntimeClient;

  beforeEach(async () => {
    server = await startBedrockServer();
    agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
    });
  });
  afterEach(async () => {
    client.destroy();
    await server.close();
  });

  it('answers Converse over HTTP/1.1 and records the decoded model id', async () => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await client.send(
      new ConverseCommand({ ...hi, inferenceConfig: { maxTokens: 64, temperature: 0.5 } }),
    );
    expect(response.output?.message?.content).toEqual([{ text: 'Hello' }]);
    expect(response.stopReason).toBe('end_turn');
    expect(response.usage).toEqual({ inputTokens: 12, outputTokens: 3, totalTokens: 15 });
    expect(server.modelIds).toEqual([modelId]);
    expect(server.requests[0]).toMatchObject({
      httpVersion: '1.1',
      body: { inferenceConfig: { maxTokens: 64, temperature: 0.5 } },
    });
    expect(String(server.requests[0]?.headers.authorization)).toMatch(
      /Credential=AKIDLOOPBACK\/\d+\/us-east-1\/bedrock/,
    );
  });

  it('answers the SDK default handler over cleartext HTTP/2 on the same port', async () => {
    const h2client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials,
      maxAttempts: 1,
    });
    server.enqueue(reply.text('over h2'), reply.text('streamed over h2'));
    const response = await h2client.send(new ConverseCommand(hi));
    expect(response.output?.message?.content).toEqual([{ text: 'over h2' }]);
    const streamed = await h2client.send(new ConverseStreamCommand(hi));
    const events = await collect(streamed.stream);
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe(
      'streamed over h2',
    );
    expect(server.requests.map((request) => request.httpVersion)).toEqual(['2.0', '2.0']);
    // The SDK's default handler opens a connection per request: the reason the product replaces it.
    expect(server.stats().connections).toBe(2);
    h2client.destroy();
  });

  it('streams text and tool use as event-stream frames with padding', async () => {
    server.enqueue(
      reply.toolCalls([{ id: 'tooluse_a', name: 'lookup', input: { q: 'x' } }], {
        text: 'Let me check',
        usage: { input: 5, output: 9 },
      }),
    );
    const response = await client.send(new ConverseStreamCommand(hi));
    const events = await collect(response.stream);
    expect(Object.keys(events[0] ?? {})).toEqual(['messageStart']);
    expect(events.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('')).toBe('Let me check');
    expect(events.find((event) => event.contentBlockStart)?.contentBlockStart).toMatchObject({
      contentBlockIndex: 1,
      start: { toolUse: { toolUseId: 'tooluse_a', name: 'lookup' } },
    });
    const input = events.map((event) => event.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    expect(JSON.parse(input)).toEqual({ q: 'x' });
    expect(events.find((event) => event.messageStop)?.messageStop?.stopReason).toBe('tool_use');
    expect(events.at(-1)?.metadata?.usage).toEqual({ inputTokens: 5, outputTokens: 9, totalTokens: 14 });
  });

  it('returns a non-streamed tool use with an object input', async () => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'y' } }]));
    const response = await client.send(new ConverseCommand(hi));
    expect(response.stopReason).toBe('tool_use');
    expect(response.output?.message?.content?.[0]).toEqual({
      toolUse: { toolUseId: 'tooluse_1', name: 'lookup', input: { q: 'y' } },
    });
  });

  it('sends typed errors the SDK maps to its exception classes', async () => {
    server.enqueue(
      reply.error(429),
      reply.error(403),
      reply.error(404),
      reply.error(400, { message: 'bad field' }),
    );
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const error = await client.send(new ConverseCommand(hi)).catch((caught: Error) => caught);
      names.push((error as Error).name);
    }
    expect(names).toEqual([
      'ThrottlingException',
      'AccessDeniedException',
      'ResourceNotFoundException',
      'ValidationException',
    ]);
  });

  it('sends a mid-stream exception frame, thrown from the iterator', async () => {
    server.enqueue(reply.streamError({ afterChunks: 2, message: 'slow down' }));
    const response = await client.send(new ConverseStreamCommand(hi));
    const error = await collect(response.stream).catch((caught: Error) => caught);
    expect(error).toMatchObject({ name: 'ThrottlingException', message: 'slow down' });
  });

  it('counts one connection for ten sequential calls through a keep-alive handler', async () => {
    for (let i = 0; i < 10; i++) await client.send(new ConverseCommand(hi));
    expect(server.stats()).toMatchObject({ connections: 1, requests: 10 });
    client.destroy();
    await server.waitForConnectionsClosed();
  });
});
