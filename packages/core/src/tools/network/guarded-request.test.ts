import { afterEach, describe, expect, it } from 'vitest';
import {
  eventually,
  type LoopbackServer,
  sendJson,
  startLoopbackServer,
} from '../__fixtures__/loopback-server.js';
import { blockedAddressReason } from './address-policy.js';
import { GuardedHttpClient, type GuardedHttpClientOptions } from './guarded-http-client.js';
import { type GuardedRequest, guardedRequest } from './guarded-request.js';

/** Treats the test server's 127.0.0.1 as a public host; every other private address stays refused. */
const loopbackIsPublic = (address: string) =>
  address === '127.0.0.1' ? undefined : blockedAddressReason(address);

let server: LoopbackServer | undefined;
let client: GuardedHttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

function newClient(options: Partial<GuardedHttpClientOptions> = {}): GuardedHttpClient {
  client = new GuardedHttpClient({ allowPrivate: false, connectTimeoutMs: 5_000, ...options });
  return client;
}

function get(url: string, extra: Partial<GuardedRequest> = {}): GuardedRequest {
  return {
    url,
    method: 'GET',
    headers: {},
    timeoutMs: 5_000,
    maxBodyBytes: 64 * 1024,
    signal: new AbortController().signal,
    ...extra,
  };
}

describe('guardedRequest', () => {
  it('refuses the loopback server without the opt-in and sends nothing', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const outcome = await guardedRequest(newClient(), get(`${server.origin}/x`));
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.ok ? '' : outcome.message).toContain('--allow-private-network');
    expect(server.connections()).toBe(0);
  });

  it('refuses a host name that resolves to 127.0.0.1, at connect time', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const outcome = await guardedRequest(
      newClient({ resolve }),
      get(`http://api.example.test:${server.port}/`),
    );
    expect(outcome.ok ? '' : outcome.message).toContain('Refused to connect to api.example.test (127.0.0.1)');
    expect(server.connections()).toBe(0);
  });

  it('connects through the same resolver once opted in', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, { hello: 'world' }));
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const outcome = await guardedRequest(
      newClient({ resolve, allowPrivate: true }),
      get(`http://api.example.test:${server.port}/`),
    );
    expect(outcome).toMatchObject({ ok: true, status: 200, body: '{"hello":"world"}' });
    expect(server.requests[0]?.headers.host).toBe(`api.example.test:${server.port}`);
  });

  it('checks every redirect hop: a literal metadata address, then a name resolving to loopback', async () => {
    server = await startLoopbackServer((request, response) => {
      const target =
        request.url === '/to-metadata' ? 'http://169.254.169.254/latest' : 'http://internal.test/admin';
      response.writeHead(302, { location: target });
      response.end();
    });
    const resolve = async () => [{ address: '127.0.0.2', family: 4 }];
    const http = newClient({ resolve, addressPolicy: loopbackIsPublic });
    const toMetadata = await guardedRequest(http, get(`${server.origin}/to-metadata`));
    expect(toMetadata.ok ? '' : toMetadata.message).toMatch(
      /redirected to http:\/\/169\.254\.169\.254\/latest.*cloud metadata/,
    );
    const toInternal = await guardedRequest(http, get(`${server.origin}/to-internal`));
    expect(toInternal.ok ? '' : toInternal.message).toContain(
      'internal.test (127.0.0.2): a loopback address',
    );
    expect(server.requests.map((request) => request.url)).toEqual(['/to-metadata', '/to-internal']);
  });

  it('follows redirects (303 turns POST into GET) and stops after five', async () => {
    server = await startLoopbackServer((request, response) => {
      const hop = Number(request.url.split('/')[2] ?? 0);
      if (request.url.startsWith('/loop/')) {
        response.writeHead(307, { location: `/loop/${hop + 1}` });
        response.end();
      } else if (request.url === '/post') {
        response.writeHead(303, { location: '/done' });
        response.end();
      } else sendJson(response, 200, { method: request.method, body: request.body });
    });
    const http = newClient({ allowPrivate: true });
    const posted = await guardedRequest(
      http,
      get(`${server.origin}/post`, { method: 'POST', body: '{"a":1}' }),
    );
    expect(posted).toMatchObject({ ok: true, status: 200, body: '{"method":"GET","body":""}' });
    const looped = await guardedRequest(http, get(`${server.origin}/loop/0`));
    expect(looped.ok ? '' : looped.message).toContain('more than 5 redirects');
    expect(server.requests.filter((request) => request.url.startsWith('/loop/'))).toHaveLength(6);
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const other = await startLoopbackServer((request, response) => sendJson(response, 200, request.headers));
    try {
      server = await startLoopbackServer((_request, response) => {
        response.writeHead(302, { location: `http://localhost.test:${other.port}/` });
        response.end();
      });
      const http = newClient({
        allowPrivate: true,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      });
      const outcome = await guardedRequest(
        http,
        get(`${server.origin}/`, {
          headers: { authorization: 'Bearer abc', 'x-custom': 'kept', 'x-api-key': 'k' },
          originBoundHeaders: ['x-api-key'],
        }),
      );
      const seen = JSON.parse(outcome.ok ? outcome.body : '{}') as Record<string, string>;
      expect(seen['x-custom']).toBe('kept');
      expect(seen.authorization).toBeUndefined();
      expect(seen['x-api-key']).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('returns any HTTP status as a response', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 500, { error: 'boom' }));
    const outcome = await guardedRequest(newClient({ allowPrivate: true }), get(`${server.origin}/`));
    expect(outcome).toMatchObject({ ok: true, status: 500, body: '{"error":"boom"}' });
  });

  it('turns a timeout into a failure message', async () => {
    server = await startLoopbackServer(() => {
      // never answers
    });
    const outcome = await guardedRequest(
      newClient({ allowPrivate: true }),
      get(`${server.origin}/slow`, { timeoutMs: 200 }),
    );
    expect(outcome.ok ? '' : outcome.message).toBe(
      `HTTP request timed out after 200 ms (GET ${server.origin}/slow)`,
    );
  });

  it('turns a refused connection into a failure message', async () => {
    const closed = await startLoopbackServer(() => {});
    await closed.close();
    const outcome = await guardedRequest(newClient({ allowPrivate: true }), get(`${closed.origin}/`));
    expect(outcome.ok ? '' : outcome.message).toContain('the connection was refused');
  });

  it('rethrows the caller abort instead of reporting it', async () => {
    server = await startLoopbackServer(() => {});
    const controller = new AbortController();
    const pending = guardedRequest(
      newClient({ allowPrivate: true }),
      get(`${server.origin}/`, { signal: controller.signal }),
    );
    await eventually(() => server!.requests.length === 1);
    controller.abort(new Error('run interrupted'));
    await expect(pending).rejects.toThrow('run interrupted');
  });

  it('cuts a large body at the limit with a note', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('x'.repeat(200_000));
    });
    const outcome = await guardedRequest(
      newClient({ allowPrivate: true }),
      get(`${server.origin}/`, { maxBodyBytes: 1024 }),
    );
    expect(outcome).toMatchObject({ ok: true, truncated: true });
    const body = outcome.ok ? outcome.body : '';
    expect(body.startsWith('x'.repeat(1024))).toBe(true);
    expect(body.slice(1024)).toMatch(/^\n\[truncated: the body is longer than 1024 bytes/);
  });

  it('opens one pool lazily and closes its connections', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    let opened = 0;
    const http = newClient({ allowPrivate: true, onOpen: () => (opened += 1) });
    expect(opened).toBe(0);
    await guardedRequest(http, get(`${server.origin}/1`));
    await guardedRequest(http, get(`${server.origin}/2`));
    expect(opened).toBe(1);
    expect(server.openConnections()).toBeGreaterThan(0);
    await http.close();
    await eventually(() => server!.openConnections() === 0);
    const afterClose = await guardedRequest(http, get(`${server.origin}/3`));
    expect(afterClose.ok ? '' : afterClose.message).toContain('closed');
  });
});
