import { Ollama } from 'ollama';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OllamaServer, reply, startOllamaServer } from './index.js';

describe('the loopback Ollama server, driven by ollama-js', () => {
  let server: OllamaServer;
  let agent: Agent;
  let client: Ollama;

  beforeEach(async () => {
    server = await startOllamaServer();
    agent = new Agent({ connections: 2 });
    const pooledFetch: typeof fetch = (input, init) =>
      fetch(input, { ...init, dispatcher: agent } as unknown as RequestInit);
    client = new Ollama({ host: server.url, fetch: pooledFetch });
  });
  afterEach(async () => {
    if (!agent.closed) await agent.close();
    await server.close();
  });

  it('answers a chat that is not streamed, with token counts', async () => {
    server.enqueue(reply.text('Hello', { usage: { input: 12, output: 3 } }));
    const response = await client.chat({
      model: 'llama3.1',
      messages: [{ role: 'user', content: 'hi' }],
      options: { temperature: 0.2, num_predict: 64 },
    });
    expect(response.message.content).toBe('Hello');
    expect(response).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 12, eval_count: 3 });
    expect(server.requests[0]).toMatchObject({
      path: '/api/chat',
      body: { model: 'llama3.1', stream: false, options: { temperature: 0.2, num_predict: 64 } },
    });
  });

  it('streams NDJSON lines ending with done', async () => {
    server.enqueue(reply.text('a b c'));
    const stream = await client.chat({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const parts: string[] = [];
    let last: { done: boolean; eval_count?: number } | undefined;
    for await (const part of stream) {
      parts.push(part.message.content);
      last = part;
    }
    expect(parts.join('')).toBe('a b c');
    expect(last).toMatchObject({ done: true, eval_count: 3 });
  });

  it('streams when the request leaves stream out, as Ollama does', async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'yo' }] }),
    });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ done: true });
  });

  it('sends tool calls with object arguments, with or without ids', async () => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'x' } }]));
    const withIds = await client.chat({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(withIds.message.tool_calls?.[0]).toMatchObject({
      id: 'call_00000001',
      function: { index: 0, name: 'lookup', arguments: { q: 'x' } },
    });
    const old = await startOllamaServer({
      toolCallIds: false,
      replies: [reply.toolCalls([{ name: 't', input: {} }])],
    });
    const oldClient = new Ollama({ host: old.url });
    const withoutIds = await oldClient.chat({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(withoutIds.message.tool_calls?.[0]).toEqual({ function: { name: 't', arguments: {} } });
    await old.close();
  });

  it('streams a tool call whole in one line', async () => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'z' } }]));
    const stream = await client.chat({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const calls = [];
    for await (const part of stream) calls.push(...(part.message.tool_calls ?? []));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.function.arguments).toEqual({ q: 'z' });
  });

  it('answers an unknown model with 404 and the string error body', async () => {
    server.enqueue(reply.error(404));
    const error = await client
      .chat({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ResponseError', status_code: 404, error: "model 'nope' not found" });
  });

  it('ends a stream with an error line', async () => {
    server.enqueue(reply.streamError({ message: 'out of memory' }));
    const stream = await client.chat({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const consume = async () => {
      for await (const _part of stream) {
        // drain
      }
    };
    await expect(consume()).rejects.toThrow('out of memory');
  });

  it('lists models and reports its version', async () => {
    const tags = await client.list();
    expect(tags.models.map((model) => model.name)).toContain('gpt-oss:latest');
    expect(await client.version()).toEqual({ version: '0.12.0' });
  });

  it('counts one connection for sequential calls with a single-connection pool', async () => {
    const single = new Agent({ connections: 1 });
    const pooled = new Ollama({
      host: server.url,
      fetch: (input, init) => fetch(input, { ...init, dispatcher: single } as unknown as RequestInit),
    });
    for (let i = 0; i < 5; i++)
      await pooled.chat({ model: 'm', messages: [{ role: 'user', content: `${i}` }] });
    expect(server.stats()).toMatchObject({ connections: 1, requests: 5, maxInFlight: 1 });
    expect(new Set(server.requests.map((request) => request.connectionId)).size).toBe(1);
    await single.close();
    await server.waitForConnectionsClosed();
  });
});
