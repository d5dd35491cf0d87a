import { afterEach, describe, expect, it } from 'vitest';
import { secretValuesFromEnv } from '../../../secrets/secret-policy.js';
import { createRedactor } from '../../../secrets/secret-redactor.js';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../../__fixtures__/loopback-server.js';
import { nativeContext, signal } from '../../__fixtures__/native-context.js';
import { GuardedHttpClient } from '../../network/guarded-http-client.js';
import { createTavilySearchTool, tavilyKeyMissing } from './tavily-search.js';

let server: LoopbackServer | undefined;
let client: GuardedHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

const key = 'tvly-test-0123456789';

function tool(env: Record<string, string | undefined>, allowPrivate = true) {
  client = new GuardedHttpClient({ allowPrivate, connectTimeoutMs: 5_000 });
  const http = client;
  return createTavilySearchTool(
    nativeContext({ httpClient: () => http, env, redact: createRedactor(secretValuesFromEnv(env)) }),
  );
}

const answer = {
  query: 'tides',
  answer: 'Twice a day.',
  response_time: 0.4,
  results: [{ title: 'Tides', url: 'https://tides.example/', content: 'Tides rise.', score: 0.98 }],
};

describe('tavily_search', () => {
  it('POSTs the query to {base}/search with the key as a Bearer token and returns Tavily JSON', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, answer));
    const search = tool({ TAVILY_API_KEY: key, TAVILY_BASE_URL: `${server.origin}/` });
    const result = await search.call({ query: ' tides ', max_results: 3, include_answer: true }, signal());
    expect(result.isError).toBeUndefined();
    expect(JSON.parse(result.content)).toEqual(answer);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/search' });
    expect(request?.headers.authorization).toBe(`Bearer ${key}`);
    expect(JSON.parse(request?.body ?? '')).toEqual({ query: 'tides', max_results: 3, include_answer: true });
  });

  it('names TAVILY_API_KEY when the key is missing, without a request', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, answer));
    const result = await tool({ TAVILY_BASE_URL: server.origin }).call({ query: 'tides' }, signal());
    expect(result).toEqual({ isError: true, content: tavilyKeyMissing });
    expect(server.requests).toHaveLength(0);
  });

  it('explains a refused key, and never shows the key', async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 401, { detail: { error: `Unauthorized: ${request.headers.authorization}` } }),
    );
    const result = await tool({ TAVILY_API_KEY: key, TAVILY_BASE_URL: server.origin }).call(
      { query: 'q' },
      signal(),
    );
    expect(result.isError).toBe(true);
    expect(result.content).toContain('Authentication failed (HTTP 401)');
    expect(result.content).toContain('Verify your TAVILY_API_KEY');
    expect(result.content).not.toContain(key);
  });

  it('keeps the private-network guard for its base URL', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, answer));
    const result = await tool({ TAVILY_API_KEY: key, TAVILY_BASE_URL: server.origin }, false).call(
      { query: 'q' },
      signal(),
    );
    expect(result).toMatchObject({
      isError: true,
      content: expect.stringContaining('--allow-private-network'),
    });
  });

  it('refuses bad arguments', async () => {
    const search = tool({ TAVILY_API_KEY: key });
    expect((await search.call({ query: '' }, signal())).content).toBe('No search query provided');
    expect((await search.call({ query: 'q', max_results: 50 }, signal())).content).toContain(
      'between 1 and 20',
    );
  });
});
