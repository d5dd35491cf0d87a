import Anthropic from '@anthropic-ai/sdk';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AnthropicServer, reply, startAnthropicServer } from './index.js';

describe('the loopback Anthropic server, driven by the @anthropic-ai/sdk', () => {
  let server: AnthropicServer;
  let agent: Agent;
  let client: Anthropic;

  beforeEach(async () => {
    server = await startAnthropicServer({ apiKey: 'sk-ant-loop' });
    agent = new Agent({ connections: 2 });
    client = new Anthropic({
      apiKey: 'sk-ant-loop',
      baseURL: server.baseURL,
      maxRetries: 0,
      openTelemetry: false,
      fetchOptions: { dispatcher: agent } as unknown as Anthropic['fetchOptions'],
    });
  });
  afterEach(async () => {
    if (!agent.closed) await agent.close();
    await server.close();
  });

  const ask = {
    model: 'claude-sonnet-4-20250514',
    max_tokens: 64,
    messages: [{ role: 'user' as const, content: 'hi' }],
  };

  it('answers a message as JSON and records the request', async () => {
    server.enqueue(reply.text('Hello there', { usage: { input: 7, output: 2 } }));
    const message = await client.messages.create(ask);
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 7, output_tokens: 2 });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-ant-loop');
  });

  it('streams text and tool_use blocks that the SDK accumulates', async () => {
    server.enqueue(
      reply.toolCalls([{ id: 'toolu_1', name: 'lookup', input: { q: 'x' } }], { text: 'Let me look' }),
    );
    const stream = client.messages.stream(ask);
    const message = await stream.finalMessage();
    expect(message.content).toEqual([
      { type: 'text', text: 'Let me look' },
      { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x' } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('answers errors in the API shape, and an error event mid-stream', async () => {
    server.enqueue(reply.error(529), reply.streamError({ errorType: 'overloaded_error' }));
    await expect(client.messages.create(ask)).rejects.toMatchObject({
      status: 529,
      type: 'overloaded_error',
    });
    const events = await client.messages.create({ ...ask, stream: true });
    await expect(
      (async () => {
        for await (const _ of events) {
          // drain
        }
      })(),
    ).rejects.toMatchObject({ type: 'overloaded_error' });
  });

  it('lists models and refuses a wrong key with 401', async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['claude-sonnet-4-20250514']);
    const wrong = new Anthropic({
      apiKey: 'nope',
      baseURL: server.baseURL,
      maxRetries: 0,
      openTelemetry: false,
    });
    await expect(wrong.messages.create(ask)).rejects.toMatchObject({ status: 401 });
  });
});
