import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../__fixtures__/loopback-server.js';
import { nativeContext, signal } from '../__fixtures__/native-context.js';
import { GuardedHttpClient } from '../network/guarded-http-client.js';
import { createHttpRequestTool } from './http-request.js';

let server: LoopbackServer | undefined;
let client: GuardedHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

function tool(allowPrivate: boolean) {
  client = new GuardedHttpClient({ allowPrivate, connectTimeoutMs: 5_000 });
  const http = client;
  return createHttpRequestTool(
    nativeContext({ httpClient: () => http, redact: (text) => text.replaceAll('tok-12345', '[REDACTED]') }),
  );
}

describe('http_request', () => {
  it('refuses loopback without the opt-in', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const result = await tool(false).call({ url: `${server.origin}/` }, signal());
    expect(result).toMatchObject({
      isError: true,
      content: expect.stringContaining('--allow-private-network'),
    });
    expect(server.connections()).toBe(0);
  });

  it('returns {status, headers, body} as JSON, with a JSON body sent and secrets redacted', async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 201, { got: JSON.parse(request.body), auth: request.headers.authorization }),
    );
    const result = await tool(true).call(
      {
        url: `${server.origin}/items`,
        method: 'post',
        json: { a: 1 },
        headers: { Authorization: 'tok-12345' },
      },
      signal(),
    );
    expect(result.isError).toBeUndefined();
    const parsed = JSON.parse(result.content) as {
      status: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(parsed.status).toBe(201);
    expect(parsed.headers['content-type']).toBe('application/json');
    expect(parsed.body).toBe('{"got":{"a":1},"auth":"[REDACTED]"}');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('refuses bad input', async () => {
    const http = tool(true);
    expect((await http.call({}, signal())).content).toBe("Missing required 'url' parameter");
    expect((await http.call({ url: 'file:///etc/passwd' }, signal())).content).toContain(
      'only http and https',
    );
    expect((await http.call({ url: 'https://x.example', method: 'BREW' }, signal())).content).toContain(
      "Invalid 'method'",
    );
  });
});
