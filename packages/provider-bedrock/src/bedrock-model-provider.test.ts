import { expectClosedForGood, expectTextStream, stopResponse } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, modelId, reply } from './__fixtures__/bedrock-loopback.js';
import { createBedrockProvider } from './bedrock-model-provider.js';

describe('createBedrockProvider against a loopback Bedrock server', () => {
  it('calls Converse over keep-alive HTTP/1.1 with the region and inference config', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await provider.generate({
      ...hello,
      system: 'Be terse.',
      inference: { temperature: 0.1, topP: 0.8, maxTokens: 256 },
    });
    expect(response).toEqual(stopResponse('Hello', { inputTokens: 12, outputTokens: 3 }));
    const request = server.requests[0];
    expect(request?.path).toBe(`/model/${encodeURIComponent(modelId)}/converse`);
    expect(request?.httpVersion).toBe('1.1');
    expect(request?.body).toEqual({
      system: [{ text: 'Be terse.' }],
      messages: [{ role: 'user', content: [{ text: 'hi' }] }],
      inferenceConfig: { maxTokens: 256, temperature: 0.1, topP: 0.8 },
    });
    expect(String(request?.headers.authorization)).toMatch(/Credential=AKIDTEST\/\d+\/eu-west-1\/bedrock\//);
  });

  it('sends a Bedrock API key as a Bearer token', async ({ server }) => {
    const keyed = createBedrockProvider({ region: 'us-east-1', endpoint: server.url, bearerToken: 'br-key' });
    await keyed.generate(hello);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer br-key');
    await keyed.close();
  });

  it('streams text deltas from the event stream, then one finish with usage', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('one two three', { usage: { input: 5, output: 3 } }));
    await expectTextStream(provider.stream(hello), ['one ', 'two ', 'three'], {
      inputTokens: 5,
      outputTokens: 3,
    });
    expect(server.requests[0]?.path).toMatch(/\/converse-stream$/);
  });

  it('assembles streamed tool uses from their input fragments', async ({ server, provider }) => {
    server.enqueue(
      reply.toolCalls(
        [
          { id: 'tu_a', name: 'lookup', input: { q: 'alpha', deep: { n: 1 } } },
          { id: 'tu_b', name: 'fetch', input: {} },
        ],
        { text: 'Let me check' },
      ),
    );
    const finish = (await drainStream(provider.stream(hello))).at(-1);
    expect(finish?.type === 'finish' && finish.response).toEqual({
      text: 'Let me check',
      toolCalls: [
        { id: 'tu_a', name: 'lookup', input: { q: 'alpha', deep: { n: 1 } } },
        { id: 'tu_b', name: 'fetch', input: {} },
      ],
      finishReason: 'tool-calls',
      usage: expect.any(Object),
    });
  });

  it('uses one connection for 10 sequential calls (the default SDK handler would open 10)', async ({
    server,
    provider,
  }) => {
    for (let i = 0; i < 5; i++) await provider.generate(hello);
    for (let i = 0; i < 5; i++) await drainStream(provider.stream(hello));
    expect(server.stats()).toMatchObject({ requests: 10, connections: 1 });
  });

  it('keeps concurrent requests within maxConnections sockets', async ({ server, provider }) => {
    server.setResponder(() => reply.text('ok', { delayMs: 20 }));
    await Promise.all(Array.from({ length: 10 }, () => provider.generate(hello)));
    expect(server.stats()).toMatchObject({ requests: 10, connections: 2, maxInFlight: 2 });
  });

  it('destroys its sockets on close(), idempotently', async ({ server, provider }) => {
    await provider.generate(hello);
    await expectClosedForGood(provider, server, hello);
  });
  it('maps tools both ways: toolConfig and toolResult out, toolUse back', async ({ server, provider }) => {
    server.enqueue(reply.toolCalls([{ id: 'tooluse_9', name: 'lookup', input: { q: 'x' } }]));
    const response = await provider.generate({
      modelId,
      messages: [
        { role: 'user', content: 'find x' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'tu_1', name: 'lookup', input: { q: 'w' } }] },
        {
          role: 'tool',
          results: [
            { toolCallId: 'tu_1', toolName: 'lookup', content: 'found', isError: false },
            { toolCallId: 'tu_2', toolName: 'lookup', content: 'boom', isError: true },
          ],
        },
        { role: 'user', content: 'and now?' },
      ],
      tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object' } }],
    });
    expect(response.toolCalls).toEqual([{ id: 'tooluse_9', name: 'lookup', input: { q: 'x' } }]);
    expect(response.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body).toEqual({
      messages: [
        { role: 'user', content: [{ text: 'find x' }] },
        {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: 'tu_1', name: 'lookup', input: { q: 'w' } } }],
        },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 'tu_1', content: [{ text: 'found' }], status: 'success' } },
            { toolResult: { toolUseId: 'tu_2', content: [{ text: 'boom' }], status: 'error' } },
            { text: 'and now?' },
          ],
        },
      ],
      toolConfig: {
        tools: [
          {
            toolSpec: { name: 'lookup', description: 'Looks up', inputSchema: { json: { type: 'object' } } },
          },
        ],
      },
    });
  });

  it('maps max_tokens and guardrails to length and content-filter', async ({ server, provider }) => {
    server.enqueue(
      reply.text('a', { finishReason: 'max_tokens' }),
      reply.text('b', { finishReason: 'guardrail_intervened' }),
    );
    expect((await provider.generate(hello)).finishReason).toBe('length');
    expect((await provider.generate(hello)).finishReason).toBe('content-filter');
  });
});
