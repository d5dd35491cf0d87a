import OpenAI from 'openai';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAIServer, reply, startOpenAIServer } from './index.js';

describe('the loopback OpenAI server, driven by the openai SDK', () => {
  let server: OpenAIServer;
  let agent: Agent;
  let client: OpenAI;

  beforeEach(async () => {
    server = await startOpenAIServer();
    agent = new Agent({ connections: 2 });
    client = new OpenAI({
      apiKey: 'sk-loopback',
      baseURL: server.baseURL,
      maxRetries: 0,
      fetchOptions: { dispatcher: agent } as unknown as OpenAI['fetchOptions'],
    });
  });
  afterEach(async () => {
    if (!agent.closed) await agent.close();
    await server.close();
  });

  it('answers a chat completion and records the request', async () => {
    server.enqueue(reply.text('Hello there', { usage: { input: 7, output: 2 } }));
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 20,
    });
    expect(completion.choices[0]?.message.content).toBe('Hello there');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', max_tokens: 20 },
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-loopback');
  });

  it('echoes the last user message when nothing is queued', async () => {
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'ping' }],
    });
    expect(completion.choices[0]?.message.content).toBe('echo: ping');
  });

  it('streams text with the usage chunk, which the SDK accumulates', async () => {
    server.enqueue(reply.text('one two three', { usage: { input: 3, output: 3 } }));
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('one two three');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 3 });
  });

  it('streams tool calls as deltas that the SDK helper assembles', async () => {
    server.enqueue(reply.toolCalls([{ id: 'call_a', name: 'lookup', input: { q: 'x', n: 2 } }]));
    const runner = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'look it up' }],
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
    });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call).toMatchObject({ id: 'call_a', type: 'function', function: { name: 'lookup' } });
    expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({
      q: 'x',
      n: 2,
    });
  });

  it('returns a non-streamed tool call with string arguments', async () => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'y' } }]));
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
    });
    const message = completion.choices[0]?.message;
    expect(message?.content).toBeNull();
    expect(message?.tool_calls?.[0]).toMatchObject({ id: 'call_1', function: { arguments: '{"q":"y"}' } });
  });

  it('sends 429 with retry-after, which the SDK raises as RateLimitError', async () => {
    server.enqueue(reply.error(429, { headers: { 'retry-after': '2' } }));
    const error = await client.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('2');
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).error).toMatchObject({
      type: 'rate_limit_error',
    });
  });

  it('sends 401 and 404 as the SDK classes for them', async () => {
    server.enqueue(reply.error(401), reply.error(404));
    const body = { model: 'gpt-9', messages: [{ role: 'user' as const, content: 'x' }] };
    await expect(client.chat.completions.create(body)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.chat.completions.create(body)).rejects.toThrow(/gpt-9/);
  });

  it('sends an error event mid-stream, which the SDK throws without a status', async () => {
    server.enqueue(reply.streamError({ message: 'overloaded mid-way' }));
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const consume = async () => {
      for await (const _chunk of stream) {
        // drain
      }
    };
    const error = await consume().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBeUndefined();
    expect(String(error)).toMatch(/overloaded mid-way/);
  });

  it('resets a connection, which the SDK reports as a connection error', async () => {
    server.enqueue(reply.reset());
    await expect(
      client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('answers with invalid JSON that the SDK cannot parse', async () => {
    server.enqueue(reply.invalidJson());
    await expect(
      client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toThrow();
  });

  it('stalls until the client aborts', async () => {
    server.enqueue(reply.stall());
    const controller = new AbortController();
    const pending = client.chat.completions.create(
      { model: 'm', messages: [{ role: 'user', content: 'x' }] },
      { signal: controller.signal },
    );
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
  });

  it('lists models', async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['gpt-4o-mini']);
  });

  it('counts connections and concurrent requests, and sees them all closed', async () => {
    server.setResponder(() => reply.text('ok', { delayMs: 30 }));
    const ask = () =>
      client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    await Promise.all([ask(), ask(), ask(), ask(), ask(), ask()]);
    const stats = server.stats();
    expect(stats.requests).toBe(6);
    expect(stats.connections).toBe(2);
    expect(stats.maxInFlight).toBe(2);
    await agent.close();
    await server.waitForConnectionsClosed();
    expect(server.stats().openConnections).toBe(0);
  });
});
