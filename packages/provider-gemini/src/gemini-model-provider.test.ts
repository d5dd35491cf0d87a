import type { ModelRequestV1 } from '@strands-cli/core/spec';
import { expectClosedForGood, expectTextStream, stopResponse } from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, reply } from './__fixtures__/gemini-loopback.js';

describe('createGeminiProvider against a loopback Gemini server', () => {
  it('generates a turn: system in systemInstruction, inference in generationConfig, key in a header', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await provider.generate({
      ...hello,
      system: 'Be terse.',
      inference: { temperature: 0.2, topP: 0.5, maxTokens: 99 },
    });
    expect(response).toEqual(stopResponse('Hello', { inputTokens: 12, outputTokens: 3 }));
    const request = server.requests[0];
    expect(request?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(request?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      systemInstruction: { role: 'user', parts: [{ text: 'Be terse.' }] },
      generationConfig: { temperature: 0.2, topP: 0.5, maxOutputTokens: 99 },
    });
    expect(request?.headers['x-goog-api-key']).toBe('gm-test-key');
    // The key travels in the header only, never in the URL (which logs and errors may show).
    expect(request?.path).not.toContain('gm-test-key');
  });

  it('streams text deltas over SSE, then one finish with the usage', async ({ server, provider }) => {
    server.enqueue(reply.text('one two three', { usage: { input: 4, output: 3 } }));
    await expectTextStream(provider.stream(hello), ['one ', 'two ', 'three'], {
      inputTokens: 4,
      outputTokens: 3,
    });
    expect(server.requests[0]?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('gives streamed function calls ids by position when the wire has none, and keeps wire ids', async ({
    server,
    provider,
  }) => {
    server.enqueue(
      reply.toolCalls(
        [
          { name: 'lookup', input: { q: 'alpha', n: 1 } },
          { id: 'fc_wire', name: 'fetch', input: {} },
        ],
        { text: 'Looking' },
      ),
    );
    const parts = await drainStream(provider.stream(hello));
    const finish = parts.at(-1);
    expect(finish?.type === 'finish' && finish.response).toMatchObject({
      text: 'Looking',
      toolCalls: [
        { id: 'gemini-call-1', name: 'lookup', input: { q: 'alpha', n: 1 } },
        { id: 'fc_wire', name: 'fetch', input: {} },
      ],
      finishReason: 'tool-calls',
    });
  });

  it('reports MAX_TOKENS as the length finish reason', async ({ server, provider }) => {
    server.enqueue(reply.text('cut short', { finishReason: 'MAX_TOKENS' }));
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

  it('maps tool calls both ways: functionCall and functionResponse parts out, calls back', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'x' } }]));
    const request: ModelRequestV1 = {
      ...hello,
      messages: [
        { role: 'user', content: 'find x' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'gemini-call-1', name: 'lookup', input: { q: 'w' } },
            { id: 'fc_9', name: 'lookup', input: { q: 'v' } },
          ],
        },
        {
          role: 'tool',
          results: [
            { toolCallId: 'gemini-call-1', toolName: 'lookup', content: 'no such page', isError: true },
            { toolCallId: 'fc_9', toolName: 'lookup', content: 'found v', isError: false },
          ],
        },
        { role: 'user', content: 'try again' },
      ],
      tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object', properties: {} } }],
    };
    const response = await provider.generate(request);
    expect(response.toolCalls).toEqual([{ id: 'gemini-call-1', name: 'lookup', input: { q: 'x' } }]);
    expect(response.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body).toMatchObject({
      contents: [
        { role: 'user', parts: [{ text: 'find x' }] },
        {
          role: 'model',
          parts: [
            // An id this provider made up is not sent back; one the wire gave is.
            { functionCall: { name: 'lookup', args: { q: 'w' } } },
            { functionCall: { id: 'fc_9', name: 'lookup', args: { q: 'v' } } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'lookup', response: { error: 'no such page' } } },
            { functionResponse: { id: 'fc_9', name: 'lookup', response: { output: 'found v' } } },
            { text: 'try again' },
          ],
        },
      ],
      tools: [
        {
          functionDeclarations: [
            { name: 'lookup', description: 'Looks up', parametersJsonSchema: { type: 'object' } },
          ],
        },
      ],
    });
    const body = server.requests[0]?.body as { contents: { parts: { functionCall?: object }[] }[] };
    expect(body.contents[1]?.parts[0]?.functionCall).not.toHaveProperty('id');
  });
});
