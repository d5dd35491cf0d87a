import net from 'node:net';
import { type OpenAIServer, startOpenAIServer } from '@strands-cli/test-servers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseOpenAI } from './openai-diagnose.js';
import { placeholderApiKey } from './openai-settings.js';

// These tests are about the answers, not speed: the first diagnosis also loads the vendor SDK, which
// takes seconds on a loaded CI machine, so the deadline only has to stop a hung test.
const answerDeadlineMs = 25_000;

describe('diagnoseOpenAI', () => {
  let server: OpenAIServer;
  beforeEach(async () => {
    server = await startOpenAIServer({ models: ['a', 'b'] });
  });
  afterEach(() => server.close());

  it('passes when a key is set and GET /models answers, and leaves no socket open', async () => {
    const results = await diagnoseOpenAI(
      { apiKey: 'sk', baseURL: server.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, detail: expect.stringMatching(/2 model/) });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    await server.waitForConnectionsClosed();
  });

  it('warns (without failing) when a compatible server gets no key', async () => {
    const results = await diagnoseOpenAI(
      { apiKey: placeholderApiKey, baseURL: server.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results[0]).toMatchObject({ ok: true, severity: 'warn' });
    expect(results[1]).toMatchObject({ ok: true });
  });

  it('fails the endpoint check when the key is refused, naming the variable', async () => {
    const guarded = await startOpenAIServer({ apiKey: 'sk-right' });
    const results = await diagnoseOpenAI(
      { apiKey: 'sk-wrong', baseURL: guarded.baseURL },
      AbortSignal.timeout(answerDeadlineMs),
    );
    await guarded.close();
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[0]?.detail).toMatch(/refused \(401\).*OPENAI_API_KEY/);
  });

  it('fails when nothing listens at the endpoint', async () => {
    const port = server.port;
    await server.close();
    const results = await diagnoseOpenAI(
      { apiKey: 'sk', baseURL: `http://127.0.0.1:${port}/v1` },
      AbortSignal.timeout(answerDeadlineMs),
    );
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[0]?.detail).toMatch(/not reachable/);
  });

  it('gives up when the signal fires before the endpoint answers', async () => {
    // A socket that accepts and never answers.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const controller = new AbortController();
    const pending = diagnoseOpenAI(
      { apiKey: 'sk', baseURL: `http://127.0.0.1:${port}/v1` },
      controller.signal,
    );
    controller.abort();
    const results = await pending;
    silent.close();
    expect(results[0]).toMatchObject({ ok: false, detail: 'GET /models did not answer in time' });
  });
});
