import { GoogleGenAI } from '@google/genai';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GeminiServer, reply, startGeminiServer } from './index.js';

describe('the loopback Gemini server, driven by @google/genai', () => {
  let server: GeminiServer;
  let agent: Agent;
  let client: GoogleGenAI;

  const clientFor = (apiKey: string) =>
    new GoogleGenAI({
      vertexai: false,
      apiKey,
      httpOptions: {
        baseUrl: server.baseURL,
        fetch: ((input: string, init: object) => undiciFetch(input, { ...init, dispatcher: agent })) as never,
      },
    });

  beforeEach(async () => {
    server = await startGeminiServer({ apiKey: 'gm-loop-key' });
    agent = new Agent({ connections: 2 });
    client = clientFor('gm-loop-key');
  });
  afterEach(async () => {
    if (!agent.closed) await agent.close();
    await server.close();
  });

  const ask = { model: 'gemini-2.5-flash', contents: 'hi' };

  it('answers generateContent as JSON and records the request, key in the header only', async () => {
    server.enqueue(reply.text('Hello there', { usage: { input: 7, output: 2 } }));
    const response = await client.models.generateContent(ask);
    expect(response.text).toBe('Hello there');
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.usageMetadata).toMatchObject({ promptTokenCount: 7, candidatesTokenCount: 2 });
    const request = server.requests[0];
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1beta/models/gemini-2.5-flash:generateContent',
    });
    expect(request?.headers['x-goog-api-key']).toBe('gm-loop-key');
  });

  it('streams text frames and whole function calls over SSE', async () => {
    server.enqueue(reply.toolCalls([{ name: 'lookup', input: { q: 'x' } }], { text: 'Let me look' }));
    let text = '';
    const calls: unknown[] = [];
    let finish: string | undefined;
    for await (const chunk of await client.models.generateContentStream(ask)) {
      // The parts, not the SDK's `text` getter (which warns when a part is not text).
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        text += part.text ?? '';
        if (part.functionCall) calls.push(part.functionCall);
      }
      finish = chunk.candidates?.[0]?.finishReason ?? finish;
    }
    expect(text).toBe('Let me look');
    expect(calls).toEqual([{ name: 'lookup', args: { q: 'x' } }]);
    expect(finish).toBe('STOP');
    expect(server.requests[0]?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('answers errors in the API shape, and an error frame mid-stream', async () => {
    server.enqueue(reply.error(429), reply.streamError({ errorType: 'UNAVAILABLE' }));
    await expect(client.models.generateContent(ask)).rejects.toMatchObject({ status: 429 });
    const drain = async () => {
      for await (const _ of await client.models.generateContentStream(ask)) {
        // drain
      }
    };
    await expect(drain()).rejects.toMatchObject({ status: 503 });
  });

  it('gets and lists models, and refuses a wrong key with 400 API_KEY_INVALID', async () => {
    const model = await client.models.get({ model: 'gemini-2.5-flash' });
    expect(model.name).toBe('models/gemini-2.5-flash');
    await expect(client.models.get({ model: 'gemini-0' })).rejects.toMatchObject({ status: 404 });
    await expect(clientFor('nope').models.generateContent(ask)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('API_KEY_INVALID'),
    });
  });
});
