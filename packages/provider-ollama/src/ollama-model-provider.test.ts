import type { ModelRequestV1 } from '@strands-cli/core/spec';
import {
  expectAbortedInFlight,
  expectClosedForGood,
  expectTextStream,
  stopResponse,
} from '@strands-cli/core/testing';
import { describe, expect } from 'vitest';
import { drainStream, hello, it, reply, startOllamaServer } from './__fixtures__/ollama-loopback.js';
import { createOllamaProvider } from './ollama-model-provider.js';

describe('createOllamaProvider against a loopback Ollama server', () => {
  it('generates a turn (stream: false) with options mapped from the inference settings', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await provider.generate({
      ...hello,
      system: 'Be terse.',
      inference: { temperature: 0.3, topP: 0.9, maxTokens: 64 },
    });
    expect(response).toEqual(stopResponse('Hello', { inputTokens: 12, outputTokens: 3 }));
    expect(server.requests[0]?.body).toEqual({
      model: 'llama3.1',
      stream: false,
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'hi' },
      ],
      options: { temperature: 0.3, top_p: 0.9, num_predict: 64 },
    });
  });

  it('sends no options when the spec sets none', async ({ server, provider }) => {
    await provider.generate(hello);
    expect(server.requests[0]?.body).not.toHaveProperty('options');
  });

  it('streams NDJSON text, then one finish with the done line usage', async ({ server, provider }) => {
    server.enqueue(reply.text('one two three', { usage: { input: 5, output: 3 } }));
    await expectTextStream(provider.stream(hello), ['one ', 'two ', 'three'], {
      inputTokens: 5,
      outputTokens: 3,
    });
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('collects streamed tool calls', async ({ server, provider }) => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'z' } }], { text: 'Checking' }));
    const finish = (await drainStream(provider.stream(hello))).at(-1);
    expect(finish?.type === 'finish' && finish.response).toMatchObject({
      text: 'Checking',
      toolCalls: [{ name: 'lookup', input: { q: 'z' } }],
      finishReason: 'tool-calls',
    });
  });

  it('reports length', async ({ server, provider }) => {
    server.enqueue(reply.text('cut', { finishReason: 'length' }));
    expect((await provider.generate(hello)).finishReason).toBe('length');
  });

  it('aborts a request that is not streamed (which ollama-js alone cannot do)', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.stall());
    await expectAbortedInFlight(server, (signal) => provider.generate({ ...hello, signal }));
  });

  it('pools: 10 sequential calls use at most 2 connections, concurrency stays within the bound', async ({
    server,
    provider,
  }) => {
    for (let i = 0; i < 10; i++) await provider.generate(hello);
    expect(server.stats().connections).toBeLessThanOrEqual(2);
    server.reset();
    server.setResponder(() => reply.text('ok', { delayMs: 20 }));
    await Promise.all(Array.from({ length: 10 }, () => provider.generate(hello)));
    expect(server.stats()).toMatchObject({ requests: 10, maxInFlight: 2 });
    expect(server.stats().connections).toBeLessThanOrEqual(2);
  });

  it('leaves no socket open after close(), also when a stream was abandoned half-way', async ({
    server,
    provider,
  }) => {
    server.enqueue(reply.text('a b c d e f'));
    for await (const part of provider.stream(hello)) {
      if (part.type === 'text-delta') break;
    }
    await expectClosedForGood(provider, server, hello);
  });
  it('maps tool calls both ways, with or without wire ids', async ({ server, provider }) => {
    server.enqueue(reply.toolCalls([{ id: 'call_x1', name: 'lookup', input: { q: 'x' } }]));
    const request: ModelRequestV1 = {
      modelId: 'llama3.1',
      messages: [
        { role: 'user', content: 'find x' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'lookup', input: { q: 'w' } }] },
        {
          role: 'tool',
          results: [{ toolCallId: 'c1', toolName: 'lookup', content: 'found', isError: false }],
        },
      ],
      tools: [{ name: 'lookup', description: 'Looks up', inputSchema: { type: 'object' } }],
    };
    const response = await provider.generate(request);
    expect(response.toolCalls).toEqual([{ id: 'call_x1', name: 'lookup', input: { q: 'x' } }]);
    expect(response.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body).toMatchObject({
      messages: [
        { role: 'user', content: 'find x' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'lookup', arguments: { q: 'w' } } }],
        },
        { role: 'tool', content: 'found', tool_name: 'lookup' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'lookup', description: 'Looks up', parameters: { type: 'object' } },
        },
      ],
    });

    const old = await startOllamaServer({ toolCallIds: false });
    const oldProvider = createOllamaProvider({ host: old.url });
    old.enqueue(
      reply.toolCalls([
        { name: 'a', input: {} },
        { name: 'b', input: { n: 1 } },
      ]),
    );
    const invented = await oldProvider.generate(hello);
    expect(invented.toolCalls.map((call) => call.id)).toEqual(['call_1', 'call_2']);
    await oldProvider.close();
    await old.close();
  });
});
