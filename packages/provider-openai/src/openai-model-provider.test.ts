import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { expectClosedForGood, expectTextStream, stopResponse } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, reply } from './__fixtures__/openai-loopback.js';

describe('createOpenAIProvider against a loopback OpenAI server', () => {
  it('generates a turn and maps the request: system first, inference only when set', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await provider.generate({
      ...hello,
      system: 'Be terse.',
      inference: { temperature: 0.2, maxTokens: 50 },
    });
    expect(response).toEqual(stopResponse('Hello', { inputTokens: 12, outputTokens: 3 }));
    const body = server.requests[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(body).not.toHaveProperty('top_p');
    expect(body).not.toHaveProperty('tools');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('sends max_completion_tokens to reasoning models', async ({ server, provider }) => {
    await provider.generate({ ...hello, modelId: 'o3-mini', inference: { maxTokens: 99, topP: 0.5 } });
    const body = server.requests[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ max_completion_tokens: 99, top_p: 0.5 });
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('streams text deltas, then one finish with usage (include_usage asked for)', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('one two three', { usage: { input: 4, output: 3 } }));
    await expectTextStream(provider.stream(hello), ['one ', 'two ', 'three'], {
      inputTokens: 4,
      outputTokens: 3,
    });
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('assembles streamed tool calls from their argument fragments', async ({ server, provider }) => {
    server.enqueue(
      reply.toolCalls([
        { id: 'call_a', name: 'lookup', input: { q: 'alpha', n: 1 } },
        { id: 'call_b', name: 'fetch', input: {} },
      ]),
    );
    const parts = await drainStream(provider.stream(hello));
    const finish = parts.at(-1);
    expect(finish?.type === 'finish' && finish.response.toolCalls).toEqual([
      { id: 'call_a', name: 'lookup', input: { q: 'alpha', n: 1 } },
      { id: 'call_b', name: 'fetch', input: {} },
    ]);
    expect(finish?.type === 'finish' && finish.response.finishReason).toBe('tool-calls');
  });

  it('reports length as the finish reason', async ({ server, provider }) => {
    server.enqueue(reply.text('cut short', { finishReason: 'length' }));
    expect((await provider.generate(hello)).finishReason).toBe('length');
  });

  it('reuses one keep-alive pool: 10 sequential calls open at most 2 connections', async ({
    server,
    provider,
  }) => {
    for (let i = 0; i < 10; i++) await provider.generate(hello);
    expect(server.stats().requests).toBe(10);
    expect(server.stats().connections).toBeLessThanOrEqual(2);
  });

  it('never opens more connections than maxConnections under concurrency', async ({ server, provider }) => {
    server.setResponder(() => reply.text('ok', { delayMs: 20 }));
    await Promise.all(Array.from({ length: 12 }, () => provider.generate(hello)));
    expect(server.stats()).toMatchObject({ requests: 12, connections: 2, maxInFlight: 2 });
  });

  it('releases every socket on close(), and close() is idempotent', async ({ server, provider }) => {
    await provider.generate(hello);
    await expectClosedForGood(provider, server, hello);
  });
  it('maps tool calls both ways: definitions and results out, parsed calls back', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.toolCalls([{ id: 'call_7', name: 'lookup', input: { q: 'x' } }]));
    const request: ModelRequestV1 = {
      modelId: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'find x' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'lookup', input: { q: 'w' } }] },
        {
          role: 'tool',
          results: [{ toolCallId: 'call_1', toolName: 'lookup', content: '{"n":1}', isError: false }],
        },
      ],
      tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object', properties: {} } }],
    };
    const response = await provider.generate(request);
    expect(response.toolCalls).toEqual([{ id: 'call_7', name: 'lookup', input: { q: 'x' } }]);
    expect(response.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body).toMatchObject({
      messages: [
        { role: 'user', content: 'find x' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"w"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"n":1}' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'lookup', description: 'Looks up', parameters: { type: 'object' } },
        },
      ],
    });
  });
});
