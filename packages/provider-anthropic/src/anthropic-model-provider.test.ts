import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { expectClosedForGood, expectTextStream, stopResponse } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, reply } from './__fixtures__/anthropic-loopback.js';

describe('createAnthropicProvider against a loopback Anthropic server', () => {
  it('generates a turn: system in `system`, max_tokens defaulted, inference only when set', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await provider.generate({
      ...hello,
      system: 'Be terse.',
      inference: { temperature: 0.2 },
    });
    expect(response).toEqual(stopResponse('Hello', { inputTokens: 12, outputTokens: 3 }));
    const request = server.requests[0];
    expect(request?.path).toBe('/v1/messages');
    expect(request?.body).toEqual({
      model: 'claude-sonnet-4-20250514',
      system: 'Be terse.',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 1024,
      temperature: 0.2,
      stream: false,
    });
    expect(request?.headers.authorization).toBe('Bearer sk-ant-test');
    expect(request?.headers['anthropic-version']).toBeDefined();
    // The SDK's own OpenTelemetry is off: no trace context is injected.
    expect(request?.headers.traceparent).toBeUndefined();
  });

  it('sends the spec max_tokens and top_p when set', async ({ server, provider }) => {
    await provider.generate({ ...hello, inference: { maxTokens: 99, topP: 0.5 } });
    expect(server.requests[0]?.body).toMatchObject({ max_tokens: 99, top_p: 0.5 });
  });

  it('streams text deltas, then one finish with input tokens and the cumulative output tokens', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('one two three', { usage: { input: 4, output: 3 } }));
    await expectTextStream(provider.stream(hello), ['one ', 'two ', 'three'], {
      inputTokens: 4,
      outputTokens: 3,
    });
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('assembles streamed tool_use blocks from their input_json_delta fragments', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.toolCalls(
        [
          { id: 'toolu_a', name: 'lookup', input: { q: 'alpha', n: 1 } },
          { id: 'toolu_b', name: 'fetch', input: {} },
        ],
        { text: 'Looking' },
      ),
    );
    const parts = await drainStream(provider.stream(hello));
    const finish = parts.at(-1);
    expect(finish?.type === 'finish' && finish.response).toMatchObject({
      text: 'Looking',
      toolCalls: [
        { id: 'toolu_a', name: 'lookup', input: { q: 'alpha', n: 1 } },
        { id: 'toolu_b', name: 'fetch', input: {} },
      ],
      finishReason: 'tool-calls',
    });
  });

  it('reports max_tokens as the length finish reason', async ({ server, provider }) => {
    server.enqueue(reply.text('cut short', { finishReason: 'max_tokens' }));
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

  it('maps tool calls both ways: tool_use and tool_result blocks out, parsed calls back', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.toolCalls([{ id: 'toolu_7', name: 'lookup', input: { q: 'x' } }]));
    const request: ModelRequestV1 = {
      ...hello,
      messages: [
        { role: 'user', content: 'find x' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'toolu_1', name: 'lookup', input: { q: 'w' } }] },
        {
          role: 'tool',
          results: [{ toolCallId: 'toolu_1', toolName: 'lookup', content: 'no such page', isError: true }],
        },
        { role: 'user', content: 'try again' },
      ],
      tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object', properties: {} } }],
    };
    const response = await provider.generate(request);
    expect(response.toolCalls).toEqual([{ id: 'toolu_7', name: 'lookup', input: { q: 'x' } }]);
    expect(response.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body).toMatchObject({
      messages: [
        { role: 'user', content: 'find x' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'w' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'no such page', is_error: true },
            { type: 'text', text: 'try again' },
          ],
        },
      ],
      tools: [{ name: 'lookup', description: 'Looks up', input_schema: { type: 'object' } }],
    });
  });
});
